import type { InferredDim } from '../../ir/types.js';
import { fail, formatShape, normalizeAxis, unifyDims, type Shape } from '../dims.js';
import type { ShapeInferenceFn } from '../inference-context.js';
import { commonElemType } from './elementwise.js';

/** Elements [start, end) with `step` of an axis of `size` (ONNX Slice clamping). */
function sliceLength(size: number, start: number, end: number, step: number): number {
  const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v < 0 ? v + size : v, lo), hi);
  const [s, e] = step > 0 ? [clamp(start, 0, size), clamp(end, 0, size)] : [clamp(start, 0, size - 1), clamp(end, -1, size - 1)];
  return Math.max(0, Math.ceil((e - s) / step));
}

/** Inference for Concat, Gather, Slice, Pad and Resize. */
export const indexingInference: Record<string, ShapeInferenceFn> = {
  Concat(ctx) {
    const indices = ctx.node.inputs.map((_, i) => i);
    const elemType = commonElemType(ctx, indices);
    const shapes = indices.map((i) => ctx.shape(i));
    const known = shapes.filter((s): s is Shape => s !== null);
    if (known.length === 0) return [{ elemType, shape: null }];
    const rank = known[0]!.length;
    if (known.some((s) => s.length !== rank)) fail(`inputs differ in rank: ${shapes.map(formatShape).join(', ')}`);
    const axis = normalizeAxis(ctx.int('axis', 0), rank);
    const out: Shape = [];
    for (let i = 0; i < rank; i++) {
      if (i === axis) {
        const sizes = shapes.map((s) => (s ? s[i]! : null));
        out.push(sizes.every((d): d is number => typeof d === 'number') ? sizes.reduce((a, b) => a + b, 0) : null);
        continue;
      }
      let dim: InferredDim = null;
      for (const s of known) {
        const next = unifyDims(dim, s[i]!);
        if (next === undefined) fail(`inputs differ on non-concat axis ${i}: ${shapes.map(formatShape).join(', ')} (axis ${axis})`);
        dim = next;
      }
      out.push(dim);
    }
    return [{ elemType, shape: out }];
  },

  Gather(ctx) {
    const [data, indices] = [ctx.shape(0), ctx.shape(1)];
    const elemType = ctx.elemType(0);
    const indexType = ctx.elemType(1);
    if (indexType !== null && indexType !== 'int32' && indexType !== 'int64') fail(`indices must be int32 or int64, got ${indexType}`);
    if (!data || !indices) return [{ elemType, shape: null }];
    const axis = normalizeAxis(ctx.int('axis', 0), data.length);
    return [{ elemType, shape: [...data.slice(0, axis), ...indices, ...data.slice(axis + 1)] }];
  },

  Slice(ctx) {
    const x = ctx.shape(0);
    const elemType = ctx.elemType(0);
    const [starts, ends] = [ctx.constant(1), ctx.constant(2)];
    if (!x) return [{ elemType, shape: null }];
    const axes = ctx.has(3) ? ctx.constant(3) : starts?.map((_, i) => i);
    const steps = ctx.has(4) ? ctx.constant(4) : starts?.map(() => 1);
    if (!starts || !ends || !axes || !steps) return [{ elemType, shape: x.map(() => null) }];
    if (ends.length !== starts.length || axes.length !== starts.length || steps.length !== starts.length) {
      fail(`starts, ends, axes and steps differ in length (${starts.length}, ${ends.length}, ${axes.length}, ${steps.length})`);
    }
    const out = [...x];
    axes.forEach((a, k) => {
      const axis = normalizeAxis(a, x.length);
      const size = x[axis]!;
      if (steps[k] === 0) fail('a step is 0');
      if (typeof size === 'number') out[axis] = sliceLength(size, starts[k]!, ends[k]!, steps[k]!);
      else out[axis] = starts[k] === 0 && steps[k] === 1 && ends[k]! >= 2 ** 31 - 1 ? size : null;
    });
    return [{ elemType, shape: out }];
  },

  Pad(ctx) {
    const x = ctx.shape(0);
    const elemType = ctx.elemType(0);
    const pads = ctx.ints('pads') ?? ctx.constant(1);
    if (!x) return [{ elemType, shape: null }];
    if (!pads) return [{ elemType, shape: x.map(() => null) }];
    const axes = ctx.has(3) ? ctx.constant(3)?.map((a) => normalizeAxis(a, x.length)) : x.map((_, i) => i);
    if (!axes) return [{ elemType, shape: x.map(() => null) }];
    if (pads.length !== 2 * axes.length) fail(`pads [${pads.join(', ')}] do not match ${axes.length} axes of ${formatShape(x)}`);
    const out = [...x];
    axes.forEach((axis, k) => {
      const total = pads[k]! + pads[k + axes.length]!;
      const size = x[axis]!;
      if (typeof size === 'number') {
        if (size + total < 0) fail(`pads [${pads.join(', ')}] remove more than axis ${axis} of ${formatShape(x)} holds`);
        out[axis] = size + total;
      } else out[axis] = total === 0 ? size : null;
    });
    return [{ elemType, shape: out }];
  },

  Resize(ctx) {
    const x = ctx.shape(0);
    const elemType = ctx.elemType(0);
    if (!x) return [{ elemType, shape: null }];
    const axes = (ctx.ints('axes') ?? x.map((_, i) => i)).map((a) => normalizeAxis(a, x.length));
    const sizes = ctx.has(3) ? ctx.constant(3) : undefined;
    const scales = ctx.has(2) ? ctx.constant(2) : undefined;
    const out: Shape = [...x];
    if (sizes) {
      if (sizes.length !== axes.length) fail(`sizes [${sizes.join(', ')}] do not match ${axes.length} axes of ${formatShape(x)}`);
      if (ctx.string('keep_aspect_ratio_policy', 'stretch') !== 'stretch') return [{ elemType, shape: x.map(() => null) }];
      axes.forEach((axis, k) => (out[axis] = sizes[k]!));
      return [{ elemType, shape: out }];
    }
    if (!scales) return [{ elemType, shape: ctx.has(2) || ctx.has(3) ? x.map(() => null) : x }];
    if (scales.length !== axes.length) fail(`scales [${scales.join(', ')}] do not match ${axes.length} axes of ${formatShape(x)}`);
    axes.forEach((axis, k) => {
      const size = x[axis]!;
      const scale = scales[k]!;
      if (!(scale > 0)) fail(`scale ${scale} is not positive`);
      // Scales are float32: round the product to float32 before the floor, as runtimes do.
      out[axis] = typeof size === 'number' ? Math.floor(Math.fround(size * Math.fround(scale))) : scale === 1 ? size : null;
    });
    return [{ elemType, shape: out }];
  },
};
