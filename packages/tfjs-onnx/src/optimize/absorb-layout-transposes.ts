import { attr } from '../ir/attributes.js';
import type { IrGraph, IrNode } from '../ir/types.js';
import { transposeData } from '../convert/transpose-data.js';
import { chainLink, isLinearAnchor, type FeatureConstant } from './feature-chain.js';
import { GraphIndex } from './graph-index.js';
import { addFloatConstant, floatConstant, freshName, sizeOf } from './rewrite-utils.js';

/**
 * Removes the Transposes that change layout around a flattened feature vector, by permuting
 * the weights of the neighbouring Gemm/MatMul instead:
 * - Gemm → (feature-wise ops) → Reshape → Transpose: the Gemm's columns are reordered so the
 *   Reshape produces the transposed layout directly (Dense → Reshape → conv).
 * - Transpose → Flatten → (feature-wise ops) → Gemm: the Gemm's rows are reordered so Flatten
 *   can read the untransposed tensor (conv → Flatten → Dense).
 * Returns the number of Transposes removed.
 */
export function absorbLayoutTransposes(graph: IrGraph): number {
  let removed = 0;
  for (let changed = true; changed; ) {
    changed = false;
    const index = new GraphIndex(graph);
    for (const node of graph.nodes) {
      if (node.opType !== 'Transpose') continue;
      if (absorbAfterReshape(graph, index, node) || absorbBeforeFlatten(graph, index, node)) {
        removed++;
        changed = true;
        break;
      }
    }
  }
  return removed;
}

function transposePerm(node: IrNode): number[] | undefined {
  const a = node.attributes['perm'];
  return a && a.type === 'ints' && a.value[0] === 0 ? [...a.value] : undefined;
}

/** Gemm → chain → Reshape(R) → Transpose(T): permute Gemm columns, reshape to T's shape. */
function absorbAfterReshape(graph: IrGraph, index: GraphIndex, transpose: IrNode): boolean {
  const perm = transposePerm(transpose);
  const reshaped = transpose.inputs[0]!;
  const reshape = index.producer.get(reshaped);
  const shape = graph.shapes.get(reshaped);
  if (!perm || !reshape || reshape.opType !== 'Reshape' || !index.hasSingleUse(reshaped) || !shape) return false;
  const dims = shape.slice(1);
  if (dims.some((d) => d === null) || shape.length !== perm.length) return false;
  const featureDims = dims as number[];
  const features = sizeOf(featureDims);

  // Walk up from the Reshape input to the Gemm, collecting per-feature constants.
  const constants: FeatureConstant[] = [];
  let value = reshape.inputs[0]!;
  let anchor: IrNode | undefined;
  for (;;) {
    if (!index.hasSingleUse(value)) return false;
    const producer = index.producer.get(value);
    if (!producer) return false;
    const input = producer.inputs[0]!;
    if (isLinearAnchor(producer, input, index) && floatConstant(index, producer.inputs[1]!)!.dims[1] === features) {
      anchor = producer;
      break;
    }
    const link = producer.inputs.map((i) => chainLink(producer, i, features, index)).find((l) => l !== undefined);
    const dataInput = producer.inputs.find((i) => chainLink(producer, i, features, index) !== undefined);
    if (!link || dataInput === undefined) return false;
    constants.push(...link);
    value = dataInput;
  }

  // New feature j (in the transposed layout) is old feature sigma[j].
  const inner = perm.slice(1).map((p) => p - 1);
  const sigma = transposeData(Int32Array.from({ length: features }, (_, i) => i), featureDims, inner).data;
  permuteColumns(graph, anchor, sigma);
  constants.forEach((c) => permuteConstant(graph, c, sigma));

  const newShape = [0, ...inner.map((p) => featureDims[p]!)];
  const shapeName = freshName(graph, `${reshape.name}_shape`);
  graph.initializers.set(shapeName, { name: shapeName, elemType: 'int64', dims: [newShape.length], data: BigInt64Array.from(newShape, BigInt) });
  reshape.inputs[1] = shapeName;
  // The Reshape now yields what the Transpose did.
  graph.nodes = graph.nodes.filter((n) => n !== transpose);
  reshape.outputs = [transpose.outputs[0]!];
  graph.shapes.set(transpose.outputs[0]!, [shape[0]!, ...inner.map((p) => featureDims[p]!)]);
  return true;
}

/** Transpose(T) → Flatten → chain → Gemm: Flatten reads T's input, Gemm rows permuted. */
function absorbBeforeFlatten(graph: IrGraph, index: GraphIndex, transpose: IrNode): boolean {
  const perm = transposePerm(transpose);
  const transposed = transpose.outputs[0]!;
  const source = transpose.inputs[0]!;
  const sourceShape = graph.shapes.get(source);
  if (!perm || !sourceShape || !index.hasSingleUse(transposed)) return false;
  const flatten = index.consumersOf(transposed)[0]!;
  if (flatten.opType !== 'Flatten' || (flatten.attributes['axis']?.value ?? 1) !== 1) return false;
  const dims = sourceShape.slice(1);
  if (dims.some((d) => d === null)) return false;
  const sourceDims = dims as number[];
  const features = sizeOf(sourceDims);

  const constants: FeatureConstant[] = [];
  let value = flatten.outputs[0]!;
  let anchor: IrNode | undefined;
  for (;;) {
    if (!index.hasSingleUse(value)) return false;
    const consumer = index.consumersOf(value)[0]!;
    if (isLinearAnchor(consumer, value, index) && floatConstant(index, consumer.inputs[1]!)!.dims[0] === features) {
      anchor = consumer;
      break;
    }
    const link = chainLink(consumer, value, features, index);
    if (!link) return false;
    constants.push(...link);
    value = consumer.outputs[0]!;
  }

  // Flatten of the source in its own order: new feature j is old (transposed-order) feature tau[j].
  const inner = perm.slice(1).map((p) => p - 1);
  const transposedDims = inner.map((p) => sourceDims[p]!);
  const inverse = new Array<number>(inner.length);
  inner.forEach((p, i) => (inverse[p] = i));
  const tau = transposeData(Int32Array.from({ length: features }, (_, i) => i), transposedDims, inverse).data;
  permuteRows(graph, anchor, tau);
  constants.forEach((c) => permuteConstant(graph, c, tau));

  flatten.inputs[0] = source;
  graph.nodes = graph.nodes.filter((n) => n !== transpose);
  flatten.attributes['axis'] = attr.int(1);
  return true;
}

function permuteColumns(graph: IrGraph, anchor: IrNode, sigma: Int32Array): void {
  const index = new GraphIndex(graph);
  const b = floatConstant(index, anchor.inputs[1]!)!;
  const [k, n] = b.dims as [number, number];
  const src = b.data as Float32Array;
  const out = new Float32Array(src.length);
  for (let r = 0; r < k; r++) for (let j = 0; j < n; j++) out[r * n + j] = src[r * n + sigma[j]!]!;
  anchor.inputs[1] = addFloatConstant(graph, `${anchor.name}_W_permuted`, [k, n], out);
  const c = anchor.inputs[2];
  if (c) {
    const bias = floatConstant(index, c)!;
    anchor.inputs[2] = addFloatConstant(graph, `${anchor.name}_B_permuted`, bias.dims, permuted(bias.data as Float32Array, sigma));
  }
}

function permuteRows(graph: IrGraph, anchor: IrNode, tau: Int32Array): void {
  const index = new GraphIndex(graph);
  const b = floatConstant(index, anchor.inputs[1]!)!;
  const [k, n] = b.dims as [number, number];
  const src = b.data as Float32Array;
  const out = new Float32Array(src.length);
  for (let j = 0; j < k; j++) out.set(src.subarray(tau[j]! * n, tau[j]! * n + n), j * n);
  anchor.inputs[1] = addFloatConstant(graph, `${anchor.name}_W_permuted`, [k, n], out);
}

function permuteConstant(graph: IrGraph, c: FeatureConstant, order: Int32Array): void {
  const init = graph.initializers.get(c.node.inputs[c.inputIndex]!)!;
  c.node.inputs[c.inputIndex] = addFloatConstant(graph, `${init.name}_permuted`, init.dims, permuted(init.data as Float32Array, order));
}

function permuted(data: Float32Array, order: Int32Array): Float32Array {
  return Float32Array.from(order, (i) => data[i]!);
}
