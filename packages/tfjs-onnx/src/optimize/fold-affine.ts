import type { IrGraph, IrNode } from '../ir/types.js';
import { GraphIndex } from './graph-index.js';
import { addFloatConstant, bypass, floatAttr, floatConstant, intAttr, perFeatureValues, sizeOf } from './rewrite-utils.js';

/** Where a linear node's output features live and how its weight/bias map to them. */
interface LinearNode {
  node: IrNode;
  features: number;
  /** Rank of the output (features are on axis 1 for all supported ops). */
  outputRank: number;
  /** Feature index of weight element i. */
  featureOfWeight: (i: number) => number;
}

function asLinear(node: IrNode, index: GraphIndex): LinearNode | undefined {
  const weight = floatConstant(index, node.inputs[1] ?? '');
  if (!weight) return undefined;
  const bias = node.inputs[2];
  if (bias && !floatConstant(index, bias)) return undefined;
  if (node.opType === 'Conv') {
    const cout = weight.dims[0]!;
    const inner = sizeOf(weight.dims) / cout;
    return { node, features: cout, outputRank: weight.dims.length, featureOfWeight: (i) => Math.floor(i / inner) };
  }
  if (node.opType === 'ConvTranspose') {
    if (intAttr(node, 'group', 1) !== 1) return undefined;
    const cout = weight.dims[1]!;
    const inner = sizeOf(weight.dims.slice(2));
    return { node, features: cout, outputRank: weight.dims.length, featureOfWeight: (i) => Math.floor(i / inner) % cout };
  }
  if (node.opType === 'Gemm') {
    if (intAttr(node, 'transA', 0) || intAttr(node, 'transB', 0) || floatAttr(node, 'alpha', 1) !== 1 || floatAttr(node, 'beta', 1) !== 1) return undefined;
    if (bias && sizeOf(floatConstant(index, bias)!.dims) !== weight.dims[1]) return undefined;
    const n = weight.dims[1]!;
    return { node, features: n, outputRank: 2, featureOfWeight: (i) => i % n };
  }
  return undefined;
}

/**
 * Folds per-channel Mul/Add constants (inference BatchNormalization, bias adds) into the
 * weights and bias of a preceding Conv, ConvTranspose or Gemm whose output feeds only them.
 * Returns the number of nodes folded.
 */
export function foldAffineIntoLinear(graph: IrGraph): number {
  let folded = 0;
  for (let changed = true; changed; ) {
    changed = false;
    const index = new GraphIndex(graph);
    for (const node of graph.nodes) {
      if (node.opType !== 'Mul' && node.opType !== 'Add') continue;
      const [a, b] = node.inputs as [string, string];
      const constSide = floatConstant(index, b) ? b : floatConstant(index, a) ? a : undefined;
      if (!constSide) continue;
      const data = constSide === b ? a : b;
      const producer = index.producer.get(data);
      if (!producer || !index.hasSingleUse(data)) continue;
      const linear = asLinear(producer, index);
      if (!linear) continue;
      const values = perFeatureValues(floatConstant(index, constSide)!, linear.features, 1, linear.outputRank);
      if (!values) continue;
      applyFold(graph, index, linear, node.opType === 'Mul' ? 'scale' : 'shift', values);
      bypass(graph, node, producer, data);
      folded++;
      changed = true;
      break;
    }
  }
  return folded;
}

function applyFold(graph: IrGraph, index: GraphIndex, linear: LinearNode, kind: 'scale' | 'shift', values: Float32Array): void {
  const node = linear.node;
  const biasName = node.inputs[2];
  const oldBias = biasName ? (floatConstant(index, biasName)!.data as Float32Array) : new Float32Array(linear.features);
  const bias = new Float32Array(linear.features);
  for (let c = 0; c < linear.features; c++) bias[c] = kind === 'scale' ? oldBias[c]! * values[c]! : oldBias[c]! + values[c]!;
  if (kind === 'scale') {
    const weight = floatConstant(index, node.inputs[1]!)!;
    const src = weight.data as Float32Array;
    const scaled = new Float32Array(src.length);
    for (let i = 0; i < src.length; i++) scaled[i] = src[i]! * values[linear.featureOfWeight(i)]!;
    node.inputs[1] = addFloatConstant(graph, `${node.name}_W_folded`, weight.dims, scaled);
  }
  node.inputs[2] = addFloatConstant(graph, `${node.name}_B_folded`, [linear.features], bias);
}
