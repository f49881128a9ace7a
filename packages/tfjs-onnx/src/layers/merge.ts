import { attr } from '../ir/attributes.js';
import type { ConversionContext } from '../convert/conversion-context.js';
import { configNumber } from '../convert/config.js';
import { physicalAxis, type Perm } from '../convert/layout.js';
import { registerLayerConverter, type LayerCall } from '../convert/registry.js';
import { registerDotLayer } from './dot.js';

/**
 * The layout shared by all inputs of a merge, or null (tfjs order) when they disagree or
 * differ in rank; inputs in another layout are transposed to it.
 */
function commonInputs(ctx: ConversionContext, call: LayerCall): { names: string[]; perm: Perm | null } {
  const [head, ...rest] = call.inputs;
  if (!head) throw new Error('merge layer has no inputs');
  const rank = head.shape.length;
  const sameLayout = rest.every((r) => r.shape.length === rank && String(r.perm) === String(head.perm));
  const perm = sameLayout ? head.perm : null;
  return { names: call.inputs.map((r) => ctx.toLayout(r, r.shape.length === rank ? perm : null)), perm };
}

function variadic(opType: string) {
  return {
    convert(ctx: ConversionContext, call: LayerCall) {
      const { names, perm } = commonInputs(ctx, call);
      return [{ name: ctx.op(opType, names, {}, call.name), perm }];
    },
  };
}

/** Folds the inputs left to right with a binary op (Add/Mul run everywhere; WebGPU has no Sum or Mean). */
function binaryChain(opType: 'Add' | 'Mul') {
  return {
    convert(ctx: ConversionContext, call: LayerCall) {
      const { names, perm } = commonInputs(ctx, call);
      let y = names[0]!;
      for (const next of names.slice(1)) y = ctx.op(opType, [y, next], {}, call.name);
      return [{ name: y, perm }];
    },
  };
}

/** Registers Add, Multiply, Average, Maximum, Minimum, Concatenate and Dot (tfjs has no Subtract layer). */
export function registerMergeLayers(): void {
  registerLayerConverter('Add', binaryChain('Add'));
  registerLayerConverter('Multiply', binaryChain('Mul'));
  registerLayerConverter('Average', {
    convert(ctx, call) {
      // tfjs: the sum of the inputs times 1/n.
      const [sum] = binaryChain('Add').convert(ctx, { ...call, name: `${call.name}_sum` });
      const scale = ctx.scalar(`${call.name}_scale`, 1 / call.inputs.length);
      return [{ name: ctx.op('Mul', [sum!.name, scale], {}, call.name), perm: sum!.perm }];
    },
  });
  registerLayerConverter('Maximum', variadic('Max'));
  registerLayerConverter('Minimum', variadic('Min'));
  registerLayerConverter('Concatenate', {
    convert(ctx, call) {
      const { names, perm } = commonInputs(ctx, call);
      const rank = call.inputs[0]!.shape.length;
      const axis = physicalAxis(perm, configNumber(call.config, 'axis', -1), rank);
      return [{ name: ctx.op('Concat', names, { axis: attr.int(axis) }, call.name), perm }];
    },
  });
  registerDotLayer();
}
