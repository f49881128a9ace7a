import type { ElemType, TensorType } from '../../ir/types.js';
import { OnnxDataType } from '../../onnx/data-type.js';
import { broadcastShapes, checkUnidirectional, fail, normalizeAxis, type Shape } from '../dims.js';
import type { InferenceContext, ShapeInferenceFn } from '../inference-context.js';

const UNARY = [
  'Relu', 'LeakyRelu', 'Tanh', 'Sigmoid', 'HardSigmoid', 'HardSwish', 'Elu', 'Selu', 'Celu', 'Softplus', 'Softsign',
  'ThresholdedRelu', 'Gelu', 'Mish', 'Erf', 'Sqrt', 'Identity', 'Abs', 'Neg', 'Exp', 'Log', 'Reciprocal', 'Floor',
  'Ceil', 'Round', 'Sign', 'Sin', 'Cos',
];

/** The element type all of `indices` share; throws when two known types differ. */
export function commonElemType(ctx: InferenceContext, indices: readonly number[]): ElemType | null {
  let type: ElemType | null = null;
  for (const i of indices) {
    const t = ctx.elemType(i);
    if (t === null) continue;
    if (type !== null && t !== type) fail(`input element types differ (${type} vs ${t})`);
    type = t;
  }
  return type;
}

const sameAsFirst: ShapeInferenceFn = (ctx) => [ctx.type(0)];

/** Elementwise over all inputs with numpy broadcasting (Add, Mul, Max, Sum, …). */
const broadcasting: ShapeInferenceFn = (ctx) => {
  const indices = ctx.node.inputs.map((_, i) => i).filter((i) => ctx.has(i));
  const elemType = commonElemType(ctx, indices);
  const shapes = indices.map((i) => ctx.shape(i));
  return [{ elemType, shape: shapes.every((s): s is Shape => s !== null) ? broadcastShapes(shapes) : null }];
};

/** Softmax-like: same shape, axis must exist. */
const alongAxis: ShapeInferenceFn = (ctx) => {
  const shape = ctx.shape(0);
  if (shape) normalizeAxis(ctx.int('axis', ctx.opset >= 13 ? -1 : 1), shape.length);
  return [ctx.type(0)];
};

const ELEM_TYPE_BY_CODE: Record<number, ElemType> = {
  [OnnxDataType.FLOAT]: 'float32',
  [OnnxDataType.FLOAT16]: 'float16',
  [OnnxDataType.INT32]: 'int32',
  [OnnxDataType.INT64]: 'int64',
};

/** Inference for elementwise, activation and type ops. */
export const elementwiseInference: Record<string, ShapeInferenceFn> = {
  ...Object.fromEntries(UNARY.map((op) => [op, sameAsFirst])),
  Clip: (ctx) => [{ elemType: commonElemType(ctx, [0, 1, 2].filter((i) => ctx.has(i))), shape: ctx.shape(0) }],
  Softmax: alongAxis,
  LogSoftmax: alongAxis,
  Hardmax: alongAxis,
  Add: broadcasting,
  Sub: broadcasting,
  Mul: broadcasting,
  Div: broadcasting,
  Max: broadcasting,
  Min: broadcasting,
  Sum: broadcasting,
  Mean: broadcasting,
  Pow: (ctx) => {
    const [a, b] = [ctx.shape(0), ctx.shape(1)];
    return [{ elemType: ctx.elemType(0), shape: a && b ? broadcastShapes([a, b]) : null }];
  },
  PRelu: (ctx) => {
    const [x, slope] = [ctx.shape(0), ctx.shape(1)];
    if (x && slope) checkUnidirectional(slope, x, 'slope');
    return [{ elemType: commonElemType(ctx, [0, 1]), shape: x }];
  },
  Cast: (ctx): TensorType[] => [{ elemType: ELEM_TYPE_BY_CODE[ctx.int('to', 0)] ?? null, shape: ctx.shape(0) }],
  Shape: (ctx) => {
    const x = ctx.shape(0);
    if (!x) return [{ elemType: 'int64', shape: [null] }];
    const clamp = (v: number): number => Math.min(Math.max(v < 0 ? v + x.length : v, 0), x.length);
    return [{ elemType: 'int64', shape: [Math.max(clamp(ctx.int('end', x.length)) - clamp(ctx.int('start', 0)), 0)] }];
  },
};
