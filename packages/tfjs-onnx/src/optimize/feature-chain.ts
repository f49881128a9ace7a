import type { IrNode } from '../ir/types.js';
import type { GraphIndex } from './graph-index.js';
import { floatAttr, floatConstant, intAttr, perFeatureValues } from './rewrite-utils.js';

/** Elementwise ops that commute with any permutation of features. */
const UNARY = new Set([
  'Relu', 'LeakyRelu', 'Sigmoid', 'Tanh', 'Elu', 'Selu', 'Softplus', 'Softsign', 'HardSigmoid',
  'ThresholdedRelu', 'Identity', 'Erf', 'Abs', 'Neg', 'Exp', 'Sqrt',
]);
/** Binary ops that commute with a feature permutation when one side is a per-feature constant. */
const BINARY = new Set(['Mul', 'Add', 'Sub', 'Div']);

/** A per-feature constant input that must be permuted along with the features. */
export interface FeatureConstant {
  node: IrNode;
  inputIndex: number;
}

/**
 * Classifies `node` as a link of a feature-wise chain on a [batch, features] tensor whose
 * data input is `value`: returns the constants to permute, or undefined if it is not one.
 */
export function chainLink(node: IrNode, value: string, features: number, index: GraphIndex): FeatureConstant[] | undefined {
  if (node.inputs[0] === value && UNARY.has(node.opType)) return [];
  if (node.opType === 'Clip' && node.inputs[0] === value) {
    const bounds = node.inputs.slice(1).filter((n) => n !== '');
    return bounds.every((b) => (floatConstant(index, b)?.data.length ?? 0) === 1) ? [] : undefined;
  }
  if (!BINARY.has(node.opType) || node.inputs.length !== 2) return undefined;
  const other = node.inputs[0] === value ? 1 : node.inputs[1] === value ? 0 : -1;
  if (other < 0) return undefined;
  const init = floatConstant(index, node.inputs[other]!);
  if (!init || !perFeatureValues(init, features, 1, 2)) return undefined;
  return init.data.length === 1 ? [] : [{ node, inputIndex: other }];
}

/** True when `node` is a plain Gemm/MatMul reading `value` as A with a constant 2-D B. */
export function isLinearAnchor(node: IrNode, value: string, index: GraphIndex): boolean {
  if (node.inputs[0] !== value || node.inputs[1] === value) return false;
  const b = floatConstant(index, node.inputs[1] ?? '');
  if (!b || b.dims.length !== 2) return false;
  if (node.opType === 'MatMul') return true;
  if (node.opType !== 'Gemm') return false;
  const c = node.inputs[2];
  return (
    !intAttr(node, 'transA', 0) &&
    !intAttr(node, 'transB', 0) &&
    floatAttr(node, 'alpha', 1) === 1 &&
    floatAttr(node, 'beta', 1) === 1 &&
    (!c || floatConstant(index, c)?.data.length === b.dims[1])
  );
}
