import type { InferredDim } from '../../ir/types.js';
import { broadcastShapes, fail, formatShape, normalizeAxis, productOf, type Shape } from '../dims.js';
import type { InferenceContext, ShapeInferenceFn } from '../inference-context.js';

/**
 * Reshape's output: 0 copies the input dim (unless allowzero), -1 takes what is left. Symbolic
 * dims copied through 0 cancel against the same symbols of the input, so [batch, 3136] → [0, 64, 7, -1]
 * is fully known.
 */
export function reshapeOutput(input: Shape | null, target: readonly number[], allowZero: boolean): Shape {
  if (target.filter((v) => v === -1).length > 1) fail(`shape [${target.join(', ')}] has more than one -1`);
  const out: InferredDim[] = target.map((v, i) => {
    if (v === 0 && !allowZero) {
      if (input && i >= input.length) fail(`shape [${target.join(', ')}] copies dim ${i} of a rank-${input.length} input`);
      return input ? input[i]! : null;
    }
    if (v < -1) fail(`shape [${target.join(', ')}] has a negative size`);
    return v;
  });
  const inferIndex = target.indexOf(-1);
  if (!input) {
    if (inferIndex >= 0) out[inferIndex] = null;
    return out;
  }
  const rest = out.filter((_, i) => i !== inferIndex);
  // Cancel symbols shared by input and output; what remains must be numeric on both sides.
  const inputSymbols = input.filter((d): d is string => typeof d === 'string');
  let cancelled = true;
  for (const d of rest) {
    if (typeof d !== 'string') continue;
    const k = inputSymbols.indexOf(d);
    if (k < 0) cancelled = false;
    else inputSymbols.splice(k, 1);
  }
  const numeric = (dims: Shape): number | null => (dims.includes(null) ? null : (dims as number[]).reduce((a, b) => a * b, 1));
  const inCount = numeric(input.filter((d) => typeof d !== 'string'));
  const outCount = numeric(rest.filter((d) => typeof d !== 'string'));
  const comparable = cancelled && inputSymbols.length === 0 && inCount !== null && outCount !== null;
  if (inferIndex >= 0) {
    if (!comparable) out[inferIndex] = null;
    else if (outCount === 0 || inCount! % outCount! !== 0) fail(`cannot reshape ${formatShape(input)} to [${target.join(', ')}]`);
    else out[inferIndex] = inCount! / outCount!;
  } else if (comparable && inCount !== outCount) {
    fail(`cannot reshape ${formatShape(input)} (${inCount} elements per ${formatShape(input.filter((d) => typeof d === 'string'))}) to [${target.join(', ')}]`);
  }
  return out;
}

/** Resolved axes of Squeeze/Unsqueeze from the attribute or constant input 1. */
function axesOf(ctx: InferenceContext, rank: number): number[] | null | undefined {
  const axes = ctx.axes(1);
  if (axes === 'dynamic') return null;
  if (axes === undefined) return undefined;
  const resolved = axes.map((a) => normalizeAxis(a, rank, 'axis'));
  if (new Set(resolved).size !== resolved.length) fail(`axes [${axes.join(', ')}] repeat an axis`);
  return resolved;
}

/** Inference for Reshape, Flatten, Transpose, Squeeze, Unsqueeze and Expand. */
export const reshapingInference: Record<string, ShapeInferenceFn> = {
  Reshape(ctx) {
    const elemType = ctx.elemType(0);
    const target = ctx.constant(1);
    if (!target) {
      const s = ctx.shape(1);
      return [{ elemType, shape: s && typeof s[0] === 'number' ? new Array<InferredDim>(s[0]).fill(null) : null }];
    }
    return [{ elemType, shape: reshapeOutput(ctx.shape(0), target, ctx.int('allowzero', 0) === 1) }];
  },

  Flatten(ctx) {
    const x = ctx.shape(0);
    if (!x) return [{ elemType: ctx.elemType(0), shape: [null, null] }];
    const axis = normalizeAxis(ctx.int('axis', 1), x.length, 'axis', true);
    return [{ elemType: ctx.elemType(0), shape: [productOf(x.slice(0, axis)), productOf(x.slice(axis))] }];
  },

  Transpose(ctx) {
    const x = ctx.shape(0);
    if (!x) return [ctx.type(0)];
    const perm = ctx.ints('perm') ?? x.map((_, i) => x.length - 1 - i);
    if (perm.length !== x.length || [...perm].sort((a, b) => a - b).some((p, i) => p !== i)) {
      fail(`perm [${perm.join(', ')}] is not a permutation of the axes of ${formatShape(x)}`);
    }
    return [{ elemType: ctx.elemType(0), shape: perm.map((p) => x[p]!) }];
  },

  Unsqueeze(ctx) {
    const x = ctx.shape(0);
    const raw = ctx.axes(1);
    if (raw === undefined) fail('axes are missing');
    if (!x || raw === 'dynamic') return [{ elemType: ctx.elemType(0), shape: null }];
    const rank = x.length + raw.length;
    const axes = axesOf(ctx, rank)!;
    const rest = [...x];
    const out = Array.from({ length: rank }, (_, i) => (axes.includes(i) ? 1 : rest.shift()!));
    return [{ elemType: ctx.elemType(0), shape: out }];
  },

  Squeeze(ctx) {
    const x = ctx.shape(0);
    if (!x) return [ctx.type(0)];
    const axes = axesOf(ctx, x.length);
    if (axes === null) return [{ elemType: ctx.elemType(0), shape: null }];
    if (axes === undefined) {
      if (x.includes(null)) return [{ elemType: ctx.elemType(0), shape: null }];
      return [{ elemType: ctx.elemType(0), shape: x.filter((d) => d !== 1) }];
    }
    for (const a of axes) if (x[a] !== 1 && typeof x[a] === 'number') fail(`cannot squeeze axis ${a} of size ${x[a]} in ${formatShape(x)}`);
    return [{ elemType: ctx.elemType(0), shape: x.filter((_, i) => !axes.includes(i)) }];
  },

  Expand(ctx) {
    const x = ctx.shape(0);
    const target = ctx.constant(1);
    if (!x || !target) return [{ elemType: ctx.elemType(0), shape: null }];
    return [{ elemType: ctx.elemType(0), shape: broadcastShapes([x, target]) }];
  },
};
