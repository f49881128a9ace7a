import { attr } from '../ir/attributes.js';
import { configNumber } from '../convert/config.js';
import { physicalAxis } from '../convert/layout.js';
import { registerLayerConverter } from '../convert/registry.js';
import { transposeData } from '../convert/transpose-data.js';
import { first } from './layer-utils.js';

/** Registers the advanced activation layers: ReLU, LeakyReLU, PReLU, ELU, ThresholdedReLU, Softmax. */
export function registerActivationLayers(): void {
  registerLayerConverter('ReLU', {
    convert(ctx, call) {
      const x = first(call);
      const maxValue = call.config['maxValue'];
      const name =
        typeof maxValue === 'number'
          ? ctx.op('Clip', [x.name, ctx.scalar(`${call.name}_min`, 0), ctx.scalar(`${call.name}_max`, maxValue)], {}, call.name)
          : ctx.op('Relu', [x.name], {}, call.name);
      return [{ name, perm: x.perm }];
    },
  });

  registerLayerConverter('LeakyReLU', {
    convert(ctx, call) {
      const x = first(call);
      const alpha = configNumber(call.config, 'alpha', 0.3);
      return [{ name: ctx.op('LeakyRelu', [x.name], { alpha: attr.float(alpha) }, call.name), perm: x.perm }];
    },
  });

  registerLayerConverter('ELU', {
    convert(ctx, call) {
      const x = first(call);
      const alpha = configNumber(call.config, 'alpha', 1);
      return [{ name: ctx.op('Elu', [x.name], { alpha: attr.float(alpha) }, call.name), perm: x.perm }];
    },
  });

  registerLayerConverter('ThresholdedReLU', {
    convert(ctx, call) {
      const x = first(call);
      const theta = configNumber(call.config, 'theta', 1);
      return [{ name: ctx.op('ThresholdedRelu', [x.name], { alpha: attr.float(theta) }, call.name), perm: x.perm }];
    },
  });

  registerLayerConverter('PReLU', {
    convert(ctx, call) {
      const x = first(call);
      const alpha = ctx.weight(call.layer, 'alpha');
      // The slope has the input's non-batch shape (shared axes are 1); lay it out like x.
      const full = { data: alpha.data, shape: [1, ...alpha.shape] };
      const slope = x.perm ? transposeData(full.data, full.shape, x.perm) : full;
      const s = ctx.constFloat(`${call.name}_alpha`, slope.data, slope.shape);
      return [{ name: ctx.op('PRelu', [x.name, s], {}, call.name), perm: x.perm }];
    },
  });

  registerLayerConverter('Softmax', {
    check(config) {
      const axis = config['axis'];
      return Array.isArray(axis) && axis.length > 1 ? [`option axis=[${axis.join(', ')}] (several axes) is not supported`] : [];
    },
    convert(ctx, call) {
      const x = first(call);
      const raw = call.config['axis'];
      const axis = Array.isArray(raw) ? (raw[0] as number) : typeof raw === 'number' ? raw : 1;
      const physical = physicalAxis(x.perm, axis, x.shape.length);
      return [{ name: ctx.op('Softmax', [x.name], { axis: attr.int(physical) }, call.name), perm: x.perm }];
    },
  });
}
