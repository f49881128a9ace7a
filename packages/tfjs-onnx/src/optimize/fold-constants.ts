import { transposeData, stridesOf } from '../convert/transpose-data.js';
import type { ElemType, IrGraph, IrNode } from '../ir/types.js';
import { OnnxDataType } from '../onnx/data-type.js';
import { sizeOf } from './rewrite-utils.js';

/** A constant being folded: values widened to float64 (int64 values must stay below 2^53). */
interface Value {
  elemType: 'float32' | 'int32' | 'int64';
  dims: number[];
  data: Float64Array;
}

type Evaluate = (inputs: Value[], node: IrNode) => Value | undefined;

const unaryFloat: Record<string, (x: number) => number> = {
  Neg: (x) => -x,
  Abs: Math.abs,
  Sqrt: Math.sqrt,
  Reciprocal: (x) => 1 / x,
  Exp: Math.exp,
  Log: Math.log,
  Relu: (x) => Math.max(x, 0),
  Sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  Tanh: Math.tanh,
  Floor: Math.floor,
  Ceil: Math.ceil,
};

const binaryFloat: Record<string, (a: number, b: number) => number> = {
  Add: (a, b) => a + b,
  Sub: (a, b) => a - b,
  Mul: (a, b) => a * b,
  Div: (a, b) => a / b,
  Pow: Math.pow,
  Max: Math.max,
  Min: Math.min,
};

const castTargets: Record<number, Value['elemType']> = {
  [OnnxDataType.FLOAT]: 'float32',
  [OnnxDataType.INT32]: 'int32',
  [OnnxDataType.INT64]: 'int64',
};

const evaluators: Record<string, Evaluate> = {
  Identity: ([x]) => x,
  Transpose([x], node) {
    const perm = ints(node, 'perm') ?? x!.dims.map((_, i) => x!.dims.length - 1 - i);
    const out = transposeData(x!.data, x!.dims, perm);
    return { elemType: x!.elemType, dims: out.shape, data: out.data };
  },
  Reshape([x, shape], node) {
    if (!shape || shape.elemType !== 'int64' || (node.attributes['allowzero']?.value ?? 0) !== 0) return undefined;
    const dims = reshapeDims(x!.dims, Array.from(shape.data));
    return dims && { ...x!, dims };
  },
  Flatten([x], node) {
    const rank = x!.dims.length;
    const raw = (node.attributes['axis']?.value as number | undefined) ?? 1;
    const axis = raw < 0 ? raw + rank : raw;
    return { ...x!, dims: [sizeOf(x!.dims.slice(0, axis)), sizeOf(x!.dims.slice(axis))] };
  },
  Unsqueeze([x, axes]) {
    if (!axes) return undefined;
    const rank = x!.dims.length + axes.data.length;
    const at = new Set(Array.from(axes.data, (a) => (a < 0 ? a + rank : a)));
    const dims: number[] = [];
    let next = 0;
    for (let i = 0; i < rank; i++) dims.push(at.has(i) ? 1 : x!.dims[next++]!);
    return { ...x!, dims };
  },
  Squeeze([x, axes]) {
    const rank = x!.dims.length;
    const drop = axes ? new Set(Array.from(axes.data, (a) => (a < 0 ? a + rank : a))) : new Set(x!.dims.flatMap((d, i) => (d === 1 ? [i] : [])));
    if ([...drop].some((a) => x!.dims[a] !== 1)) return undefined;
    return { ...x!, dims: x!.dims.filter((_, i) => !drop.has(i)) };
  },
  Cast([x], node) {
    const to = castTargets[(node.attributes['to']?.value as number | undefined) ?? -1];
    if (!to) return undefined;
    const data = to === 'float32' ? Float64Array.from(x!.data, Math.fround) : Float64Array.from(x!.data, Math.trunc);
    return { elemType: to, dims: x!.dims, data };
  },
  Concat(inputs, node) {
    const rank = inputs[0]!.dims.length;
    const raw = node.attributes['axis']?.value as number;
    const axis = raw < 0 ? raw + rank : raw;
    if (inputs.some((v) => v.elemType !== inputs[0]!.elemType || v.dims.length !== rank)) return undefined;
    const outer = sizeOf(inputs[0]!.dims.slice(0, axis));
    const dims = [...inputs[0]!.dims];
    dims[axis] = inputs.reduce((sum, v) => sum + v.dims[axis]!, 0);
    const data = new Float64Array(sizeOf(dims));
    let offset = 0;
    for (let o = 0; o < outer; o++) {
      for (const v of inputs) {
        const chunk = v.data.length / outer;
        data.set(v.data.subarray(o * chunk, (o + 1) * chunk), offset);
        offset += chunk;
      }
    }
    return { elemType: inputs[0]!.elemType, dims, data };
  },
};
for (const [op, f] of Object.entries(unaryFloat)) {
  evaluators[op] = ([x]) => (x!.elemType === 'float32' ? { ...x!, data: Float64Array.from(x!.data, (v) => Math.fround(f(v))) } : undefined);
}
for (const [op, f] of Object.entries(binaryFloat)) {
  evaluators[op] = (inputs) => (inputs.length === 2 && inputs.every((v) => v.elemType === 'float32') ? broadcast(inputs[0]!, inputs[1]!, f) : undefined);
}

/**
 * Replaces nodes whose inputs are all constants by their result (Identity, Transpose, Reshape,
 * Flatten, (Un)Squeeze, Cast, Concat and float elementwise math). Lets converters, including
 * users' custom ones, emit weight arithmetic as ONNX ops without it costing anything at run time.
 * Returns the number of nodes folded.
 */
export function foldConstants(graph: IrGraph): number {
  const outputs = new Set(graph.outputs.map((o) => o.name));
  let folded = 0;
  for (const node of [...graph.nodes]) {
    const evaluate = evaluators[node.opType];
    if (!evaluate || node.domain || node.outputs.length !== 1 || outputs.has(node.outputs[0]!)) continue;
    const inputs = node.inputs.filter((name) => name !== '').map((name) => readConstant(graph, name));
    if (inputs.length === 0 || inputs.some((v) => v === undefined)) continue;
    const result = evaluate(inputs as Value[], node);
    if (!result) continue;
    const name = node.outputs[0]!;
    graph.initializers.set(name, { name, elemType: result.elemType, dims: result.dims, data: toTensorData(result) });
    graph.nodes = graph.nodes.filter((n) => n !== node);
    folded++;
  }
  return folded;
}

function readConstant(graph: IrGraph, name: string): Value | undefined {
  const init = graph.initializers.get(name);
  if (!init || !isFoldable(init.elemType)) return undefined;
  const data = init.data instanceof BigInt64Array ? Float64Array.from(init.data, Number) : Float64Array.from(init.data as Float32Array | Int32Array);
  return { elemType: init.elemType, dims: [...init.dims], data };
}

function isFoldable(type: ElemType): type is Value['elemType'] {
  return type === 'float32' || type === 'int32' || type === 'int64';
}

function toTensorData(v: Value): Float32Array | Int32Array | BigInt64Array {
  if (v.elemType === 'float32') return Float32Array.from(v.data);
  if (v.elemType === 'int32') return Int32Array.from(v.data);
  return BigInt64Array.from(v.data, (x) => BigInt(x));
}

function ints(node: IrNode, name: string): number[] | undefined {
  const a = node.attributes[name];
  return a && a.type === 'ints' ? [...a.value] : undefined;
}

/** ONNX Reshape target dims (0 copies the input dim, one -1 is inferred); undefined when invalid. */
function reshapeDims(inDims: number[], target: number[]): number[] | undefined {
  const dims = target.map((d, i) => (d === 0 ? inDims[i]! : d));
  const known = dims.filter((d) => d !== -1);
  const total = sizeOf(inDims);
  if (dims.length - known.length > 1) return undefined;
  const rest = total / sizeOf(known);
  const out = dims.map((d) => (d === -1 ? rest : d));
  return Number.isInteger(rest) && sizeOf(out) === total ? out : undefined;
}

/** Numpy-broadcast elementwise f(a, b) on float32 values. */
function broadcast(a: Value, b: Value, f: (x: number, y: number) => number): Value | undefined {
  const rank = Math.max(a.dims.length, b.dims.length);
  const pad = (d: number[]): number[] => [...new Array<number>(rank - d.length).fill(1), ...d];
  const da = pad(a.dims);
  const db = pad(b.dims);
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) {
    if (da[i] !== db[i] && da[i] !== 1 && db[i] !== 1) return undefined;
    dims.push(Math.max(da[i]!, db[i]!));
  }
  const sa = stridesOf(da).map((s, i) => (da[i] === 1 ? 0 : s));
  const sb = stridesOf(db).map((s, i) => (db[i] === 1 ? 0 : s));
  const data = new Float64Array(sizeOf(dims));
  const index = new Array<number>(rank).fill(0);
  for (let o = 0; o < data.length; o++) {
    let ia = 0;
    let ib = 0;
    for (let k = 0; k < rank; k++) {
      ia += index[k]! * sa[k]!;
      ib += index[k]! * sb[k]!;
    }
    data[o] = Math.fround(f(a.data[ia]!, b.data[ib]!));
    for (let k = rank - 1; k >= 0; k--) {
      if (++index[k]! < dims[k]!) break;
      index[k] = 0;
    }
  }
  return { elemType: 'float32', dims, data };
}
