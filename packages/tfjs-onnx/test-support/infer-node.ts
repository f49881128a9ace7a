/** Test harness: run the shape inference of one op on given input types. */
import type { Attribute, ElemType, IrInitializer, TensorType } from '../src/ir/types.js';
import { InferenceContext } from '../src/shape-inference/inference-context.js';
import { getShapeInference } from '../src/shape-inference/registry.js';
import type { Shape } from '../src/shape-inference/dims.js';

/** An input: a shape (float32), a typed value, a constant (int64 unless floats are given), or '' (skipped). */
export type NodeInput = Shape | TensorType | { int64: number[] } | { floats: number[] } | '';

/** Infers the outputs of `opType` on `inputs`; throws ShapeError like the real pass. */
export function inferNode(opType: string, inputs: NodeInput[], attributes: Record<string, Attribute> = {}, opset = 21): TensorType[] {
  const types = new Map<string, TensorType>();
  const initializers = new Map<string, IrInitializer>();
  const names = inputs.map((input, i) => {
    if (input === '') return '';
    const name = `in${i}`;
    if (Array.isArray(input)) types.set(name, { elemType: 'float32', shape: input });
    else if ('int64' in input) {
      initializers.set(name, { name, elemType: 'int64', dims: [input.int64.length], data: BigInt64Array.from(input.int64, (v) => BigInt(v)) });
      types.set(name, { elemType: 'int64', shape: [input.int64.length] });
    } else if ('floats' in input) {
      initializers.set(name, { name, elemType: 'float32', dims: [input.floats.length], data: Float32Array.from(input.floats) });
      types.set(name, { elemType: 'float32', shape: [input.floats.length] });
    } else types.set(name, input);
    return name;
  });
  const infer = getShapeInference(opType);
  if (!infer) throw new Error(`no inference for ${opType}`);
  const node = { name: 'n', opType, inputs: names, outputs: ['y'], attributes };
  return infer(new InferenceContext(node, opset, types, initializers));
}

/** The first output's shape. */
export function outShape(opType: string, inputs: NodeInput[], attributes: Record<string, Attribute> = {}, opset = 21): Shape | null {
  return inferNode(opType, inputs, attributes, opset)[0]!.shape;
}

/** A value type with element type `elemType`. */
export const typed = (elemType: ElemType, shape: Shape | null): TensorType => ({ elemType, shape });
