import type { TensorType } from '../../ir/types.js';
import { checkUnidirectional, fail, formatShape, normalizeAxis, unifyDims } from '../dims.js';
import type { InferenceContext, ShapeInferenceFn } from '../inference-context.js';

/** Checks that inputs `indices` are 1-D with the channel count of X. */
function checkPerChannel(ctx: InferenceContext, indices: readonly number[], names: readonly string[]): void {
  const x = ctx.shape(0);
  if (x && x.length < 2) fail(`X must have rank >= 2, got ${formatShape(x)}`);
  const channels = x ? x[1]! : null;
  indices.forEach((i, k) => {
    const s = ctx.has(i) ? ctx.shape(i) : null;
    if (s && (s.length !== 1 || unifyDims(s[0]!, channels) === undefined)) {
      fail(`${names[k]} ${formatShape(s)} does not match the ${channels} channels of X ${formatShape(x)}`);
    }
  });
}

/** Inference for BatchNormalization, InstanceNormalization and LayerNormalization. */
export const normalizationInference: Record<string, ShapeInferenceFn> = {
  BatchNormalization(ctx) {
    checkPerChannel(ctx, [1, 2, 3, 4], ['scale', 'B', 'mean', 'var']);
    const stats: TensorType = { elemType: ctx.elemType(3), shape: ctx.shape(3) };
    return [ctx.type(0), stats, stats];
  },
  InstanceNormalization(ctx) {
    checkPerChannel(ctx, [1, 2], ['scale', 'B']);
    return [ctx.type(0)];
  },
  LayerNormalization(ctx) {
    const x = ctx.shape(0);
    if (!x) return [ctx.type(0)];
    const axis = normalizeAxis(ctx.int('axis', -1), x.length);
    const normalized = x.slice(axis);
    for (const [i, what] of [[1, 'Scale'], [2, 'B']] as const) {
      const s = ctx.has(i) ? ctx.shape(i) : null;
      if (s) checkUnidirectional(s, normalized, what);
    }
    const stats: TensorType = { elemType: 'float32', shape: [...x.slice(0, axis), ...normalized.map(() => 1)] };
    return [ctx.type(0), stats, stats];
  },
};
