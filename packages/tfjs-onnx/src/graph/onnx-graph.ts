import { attr } from '../ir/attributes.js';
import { GraphBuilder } from '../ir/graph-builder.js';
import { toModelProto } from '../ir/to-model-proto.js';
import { topoSort } from '../ir/topo-sort.js';
import type { Attribute, IrDim } from '../ir/types.js';
import { validateGraph } from '../ir/validate.js';
import { encodeModelProto } from '../onnx/onnx-proto.js';
import { intermediateValueInfo, validateShapes } from '../shape-inference/validate-shapes.js';
import { DEFAULT_OPSET, MAX_OPSET, MIN_OPSET, PRODUCER_NAME, PRODUCER_VERSION, irVersionForOpset } from '../version.js';

/** A float32 value of a graph under construction (its name in the graph). */
export type Value = string;

/** Options of {@link OnnxGraph.build}. */
export interface BuildOptions {
  docString?: string;
  metadata?: Record<string, string>;
}

/** What {@link OnnxGraph.build} returns. */
export interface BuiltGraph {
  bytes: Uint8Array;
  /** Nodes per op type. */
  nodesByType: Record<string, number>;
  /** Float elements held in initializers. */
  parameters: number;
}

/**
 * Builds a float32 ONNX graph op by op, for models that are written as math rather than converted
 * from tfjs (Gaussian mixtures, KDE, PCA). `build` sorts, validates structure and inferred shapes
 * (every declared output must match), and encodes the model.
 */
export class OnnxGraph {
  private readonly builder: GraphBuilder;

  constructor(
    name: string,
    readonly opset = DEFAULT_OPSET,
  ) {
    if (!Number.isInteger(opset) || opset < 18 || opset > MAX_OPSET) {
      throw new Error(`OnnxGraph needs an opset from 18 (axes as inputs) to ${MAX_OPSET}, got ${opset} (the converter's minimum is ${MIN_OPSET})`);
    }
    this.builder = new GraphBuilder(name);
  }

  /** Declares a float32 graph input; dims are sizes or symbols such as 'batch'. */
  input(name: string, shape: readonly IrDim[]): Value {
    return this.builder.addInput({ name, elemType: 'float32', shape: [...shape] });
  }

  /** A float32 constant of the given dims (row-major data). */
  constant(nameHint: string, data: Float32Array | readonly number[], dims: readonly number[]): Value {
    return this.builder.constFloat(nameHint, data, [...dims]);
  }

  /** Any op with one output; `inputs` may include int64 constants made by {@link ints}. */
  op(opType: string, inputs: readonly Value[], attributes: Record<string, Attribute> = {}, nameHint?: string): Value {
    return this.builder.addNode(opType, [...inputs], attributes, { nameHint: nameHint ?? opType })[0]!;
  }

  /** A 1-D int64 constant (shapes, axes). */
  ints(nameHint: string, values: readonly number[]): Value {
    return this.builder.constInt64(nameHint, values);
  }

  matMul(a: Value, b: Value): Value {
    return this.op('MatMul', [a, b]);
  }

  add(a: Value, b: Value): Value {
    return this.op('Add', [a, b]);
  }

  sub(a: Value, b: Value): Value {
    return this.op('Sub', [a, b]);
  }

  mul(a: Value, b: Value): Value {
    return this.op('Mul', [a, b]);
  }

  /** Reshape to `shape` (0 copies a dim, −1 takes the rest). */
  reshape(x: Value, shape: readonly number[]): Value {
    return this.op('Reshape', [x, this.ints('shape', shape)]);
  }

  transpose(x: Value, perm: readonly number[]): Value {
    return this.op('Transpose', [x], { perm: attr.ints(perm) });
  }

  unsqueeze(x: Value, axes: readonly number[]): Value {
    return this.op('Unsqueeze', [x, this.ints('axes', axes)]);
  }

  reduceSum(x: Value, axes: readonly number[], keepDims = false): Value {
    return this.op('ReduceSum', [x, this.ints('axes', axes)], { keepdims: attr.int(keepDims ? 1 : 0) });
  }

  reduceLogSumExp(x: Value, axes: readonly number[], keepDims = false): Value {
    return this.op('ReduceLogSumExp', [x, this.ints('axes', axes)], { keepdims: attr.int(keepDims ? 1 : 0) });
  }

  /** Clips to [low, high]. */
  clip(x: Value, low: number, high: number): Value {
    return this.op('Clip', [x, this.constant('clip_low', [low], []), this.constant('clip_high', [high], [])]);
  }

  /**
   * Makes `value` a graph output called `name` with the declared shape. An Identity node carries the
   * name, so `value` stays usable by later ops.
   */
  output(value: Value, name: string, shape: readonly IrDim[]): void {
    if (value !== name) this.builder.addNode('Identity', [value], {}, { nameHint: name, outputs: [this.builder.reserveName(name)] });
    this.builder.graph.outputs.push({ name, elemType: 'float32', shape: [...shape] });
  }

  /** Validates (structure and shapes) and encodes the model. Throws one error listing every problem. */
  build(options: BuildOptions = {}): BuiltGraph {
    const graph = this.builder.graph;
    if (graph.outputs.length === 0) throw new Error(`ONNX graph '${graph.name}' has no outputs`);
    topoSort(graph);
    validateGraph(graph);
    const types = validateShapes(graph, this.opset);
    const header = {
      irVersion: irVersionForOpset(this.opset),
      opset: this.opset,
      producerName: PRODUCER_NAME,
      producerVersion: PRODUCER_VERSION,
      ...(options.docString !== undefined ? { docString: options.docString } : {}),
      ...(options.metadata !== undefined ? { metadata: options.metadata } : {}),
    };
    const bytes = encodeModelProto(toModelProto(graph, header, intermediateValueInfo(graph, types)));
    const nodesByType: Record<string, number> = {};
    for (const node of graph.nodes) nodesByType[node.opType] = (nodesByType[node.opType] ?? 0) + 1;
    let parameters = 0;
    for (const init of graph.initializers.values()) if (init.elemType === 'float32') parameters += init.data.length;
    return { bytes, nodesByType, parameters };
  }
}
