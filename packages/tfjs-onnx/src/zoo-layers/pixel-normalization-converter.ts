import { configNumber } from '../convert/config.js';
import { physicalAxis } from '../convert/layout.js';
import { registerLayerConverter } from '../convert/registry.js';
import { first, reduceMean } from '../layers/layer-utils.js';

/** Registers PixelNormalization: x / √(mean(x²) + ε) over the channel axis, in whatever layout x has. */
export function registerPixelNormalizationConverter(): void {
  registerLayerConverter('PixelNormalization', {
    convert(ctx, call) {
      const x = first(call);
      const axis = physicalAxis(x.perm, -1, x.shape.length);
      const epsilon = configNumber(call.config, 'epsilon', 1e-8);
      const square = ctx.op('Mul', [x.name, x.name], {}, `${call.name}_square`);
      const meanSquare = reduceMean(ctx, square, [axis], `${call.name}_mean_square`);
      const shifted = ctx.op('Add', [meanSquare, ctx.scalar(`${call.name}_epsilon`, epsilon)], {}, `${call.name}_shifted`);
      const rms = ctx.op('Sqrt', [shifted], {}, `${call.name}_rms`);
      return [{ name: ctx.op('Div', [x.name, rms], {}, call.name), perm: x.perm }];
    },
  });
}
