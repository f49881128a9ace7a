import type { InferredDim } from '../../ir/types.js';
import { fail, formatShape, unifyDims, type Shape } from '../dims.js';
import type { InferenceContext, ShapeInferenceFn } from '../inference-context.js';
import { commonElemType } from './elementwise.js';

interface Window {
  kernel: readonly number[];
  strides: readonly number[];
  dilations: readonly number[];
  pads: readonly number[];
  autoPad: string;
}

function windowAttributes(ctx: InferenceContext, kernel: readonly number[]): Window {
  const n = kernel.length;
  const ones = new Array<number>(n).fill(1);
  const w: Window = {
    kernel,
    strides: ctx.ints('strides') ?? ones,
    dilations: ctx.ints('dilations') ?? ones,
    pads: ctx.ints('pads') ?? new Array<number>(2 * n).fill(0),
    autoPad: ctx.string('auto_pad', 'NOTSET'),
  };
  if (w.strides.length !== n) fail(`strides [${w.strides.join(', ')}] do not match ${n} spatial axes`);
  if (w.dilations.length !== n) fail(`dilations [${w.dilations.join(', ')}] do not match ${n} spatial axes`);
  if (w.pads.length !== 2 * n) fail(`pads [${w.pads.join(', ')}] do not match ${n} spatial axes`);
  if (w.strides.some((s) => s < 1) || w.dilations.some((d) => d < 1)) fail('strides and dilations must be positive');
  return w;
}

/** Output sizes of a sliding window (Conv, pooling) over `spatial`. */
function slidingOutput(spatial: readonly InferredDim[], w: Window, ceilMode: boolean): InferredDim[] {
  return spatial.map((size, i) => {
    if (typeof size !== 'number') return null;
    const s = w.strides[i]!;
    const effective = (w.kernel[i]! - 1) * w.dilations[i]! + 1;
    if (w.autoPad === 'SAME_UPPER' || w.autoPad === 'SAME_LOWER') return Math.ceil(size / s);
    const padded = w.autoPad === 'VALID' ? size : size + w.pads[i]! + w.pads[i + spatial.length]!;
    if (padded < effective) fail(`window ${effective} is larger than the padded input ${padded} on spatial axis ${i}`);
    return (ceilMode ? Math.ceil((padded - effective) / s) : Math.floor((padded - effective) / s)) + 1;
  });
}

function checkImage(x: Shape, what = 'X'): void {
  if (x.length < 3) fail(`${what} must have rank >= 3 (N, C, spatial…), got ${formatShape(x)}`);
}

/** Kernel spatial sizes from the attribute or the weight; checks they agree. */
function kernelShape(ctx: InferenceContext, w: Shape | null): number[] | null {
  const fromAttr = ctx.ints('kernel_shape');
  const fromWeight = w ? w.slice(2) : null;
  if (fromAttr && fromWeight && fromAttr.some((k, i) => unifyDims(k, fromWeight[i] ?? null) === undefined)) {
    fail(`kernel_shape [${fromAttr.join(', ')}] does not match weight ${formatShape(w)}`);
  }
  if (fromAttr) return [...fromAttr];
  if (fromWeight && fromWeight.every((d): d is number => typeof d === 'number')) return fromWeight;
  return null;
}

function checkBias(ctx: InferenceContext, channels: InferredDim): void {
  const b = ctx.has(2) ? ctx.shape(2) : null;
  if (b && (b.length !== 1 || unifyDims(b[0]!, channels) === undefined)) fail(`bias ${formatShape(b)} does not match ${channels} output channels`);
}

/** X, W and group of a Conv or ConvTranspose, with the checks both share; W's layout is the op's business. */
function convOperands(ctx: InferenceContext) {
  const elemType = commonElemType(ctx, ctx.has(2) ? [0, 1, 2] : [0, 1]);
  const [x, w] = [ctx.shape(0), ctx.shape(1)];
  if (x) checkImage(x);
  if (w) checkImage(w, 'W');
  if (x && w && x.length !== w.length) fail(`X ${formatShape(x)} and W ${formatShape(w)} differ in rank`);
  const group = ctx.int('group', 1);
  return { elemType, x, w, group };
}

function conv(ctx: InferenceContext): ReturnType<ShapeInferenceFn> {
  const { elemType, x, w, group } = convOperands(ctx);
  const m = w ? w[0]! : null;
  if (x && w && typeof w[1] === 'number' && unifyDims(x[1]!, w[1] * group) === undefined) {
    fail(`X ${formatShape(x)} has ${x[1]} channels but W ${formatShape(w)} with group ${group} expects ${w[1] * group}`);
  }
  checkBias(ctx, m);
  if (!x) return [{ elemType, shape: null }];
  const kernel = kernelShape(ctx, w);
  if (!kernel) return [{ elemType, shape: [x[0]!, m, ...x.slice(2).map(() => null)] }];
  if (kernel.length !== x.length - 2) fail(`kernel [${kernel.join(', ')}] does not match X ${formatShape(x)}`);
  return [{ elemType, shape: [x[0]!, m, ...slidingOutput(x.slice(2), windowAttributes(ctx, kernel), false)] }];
}

function convTranspose(ctx: InferenceContext): ReturnType<ShapeInferenceFn> {
  const { elemType, x, w, group } = convOperands(ctx);
  if (x && w && unifyDims(x[1]!, w[0]!) === undefined) fail(`X ${formatShape(x)} has ${x[1]} channels but W ${formatShape(w)} expects ${w[0]}`);
  const m = w && typeof w[1] === 'number' ? w[1] * group : null;
  checkBias(ctx, m);
  if (!x) return [{ elemType, shape: null }];
  const spatial = x.slice(2);
  const outputShape = ctx.ints('output_shape');
  if (outputShape) {
    if (outputShape.length < spatial.length) fail(`output_shape [${outputShape.join(', ')}] is shorter than the ${spatial.length} spatial axes`);
    return [{ elemType, shape: [x[0]!, m, ...outputShape.slice(-spatial.length)] }];
  }
  const kernel = kernelShape(ctx, w);
  if (!kernel) return [{ elemType, shape: [x[0]!, m, ...spatial.map(() => null)] }];
  if (kernel.length !== spatial.length) fail(`kernel [${kernel.join(', ')}] does not match X ${formatShape(x)}`);
  const win = windowAttributes(ctx, kernel);
  const outputPadding = ctx.ints('output_padding') ?? new Array<number>(spatial.length).fill(0);
  if (outputPadding.length !== spatial.length) fail(`output_padding [${outputPadding.join(', ')}] does not match ${spatial.length} spatial axes`);
  const sizes = spatial.map((size, i) => {
    if (typeof size !== 'number') return null;
    const s = win.strides[i]!;
    if (win.autoPad === 'SAME_UPPER' || win.autoPad === 'SAME_LOWER') return size * s;
    const pads = win.autoPad === 'VALID' ? 0 : win.pads[i]! + win.pads[i + spatial.length]!;
    const out = s * (size - 1) + outputPadding[i]! + (kernel[i]! - 1) * win.dilations[i]! + 1 - pads;
    if (out < 1) fail(`output size ${out} on spatial axis ${i} is not positive`);
    return out;
  });
  return [{ elemType, shape: [x[0]!, m, ...sizes] }];
}

function pool(ctx: InferenceContext): ReturnType<ShapeInferenceFn> {
  const elemType = ctx.elemType(0);
  const x = ctx.shape(0);
  const kernel = ctx.ints('kernel_shape');
  if (!kernel) fail('attribute kernel_shape is missing');
  if (!x) return [{ elemType, shape: null }, { elemType: 'int64', shape: null }];
  checkImage(x);
  if (kernel.length !== x.length - 2) fail(`kernel_shape [${kernel.join(', ')}] does not match X ${formatShape(x)}`);
  const shape = [x[0]!, x[1]!, ...slidingOutput(x.slice(2), windowAttributes(ctx, kernel), ctx.int('ceil_mode', 0) === 1)];
  return [{ elemType, shape }, { elemType: 'int64', shape }];
}

const globalPool: ShapeInferenceFn = (ctx) => {
  const x = ctx.shape(0);
  if (x) checkImage(x);
  return [{ elemType: ctx.elemType(0), shape: x ? [x[0]!, x[1]!, ...x.slice(2).map(() => 1)] : null }];
};

/** Inference for Conv, ConvTranspose and the pooling ops. */
export const convolutionInference: Record<string, ShapeInferenceFn> = {
  Conv: conv,
  ConvTranspose: convTranspose,
  MaxPool: pool,
  AveragePool: pool,
  LpPool: pool,
  GlobalMaxPool: globalPool,
  GlobalAveragePool: globalPool,
  GlobalLpPool: globalPool,
};
