import { normalizeAxis, fail } from '../dims.js';
import type { ShapeInferenceFn } from '../inference-context.js';

const REDUCE = ['ReduceMean', 'ReduceSum', 'ReduceMax', 'ReduceMin', 'ReduceProd', 'ReduceL1', 'ReduceL2', 'ReduceSumSquare', 'ReduceLogSum', 'ReduceLogSumExp'];

/** Reduce*: axes from the attribute (older opsets) or constant input 1; keepdims default 1. */
const reduce: ShapeInferenceFn = (ctx) => {
  const x = ctx.shape(0);
  const elemType = ctx.elemType(0);
  const keep = ctx.int('keepdims', 1) === 1;
  const raw = ctx.axes(1);
  if (!x) return [{ elemType, shape: null }];
  if (raw === 'dynamic') return [{ elemType, shape: keep ? x.map(() => null) : null }];
  if (raw === undefined || raw.length === 0) {
    if (ctx.int('noop_with_empty_axes', 0) === 1) return [ctx.type(0)];
    return [{ elemType, shape: keep ? x.map(() => 1) : [] }];
  }
  const axes = raw.map((a) => normalizeAxis(a, x.length));
  if (new Set(axes).size !== axes.length) fail(`axes [${raw.join(', ')}] repeat an axis`);
  const shape = keep ? x.map((d, i) => (axes.includes(i) ? 1 : d)) : x.filter((_, i) => !axes.includes(i));
  return [{ elemType, shape }];
};

/** Inference for the Reduce* ops. */
export const reductionInference: Record<string, ShapeInferenceFn> = Object.fromEntries(REDUCE.map((op) => [op, reduce]));
