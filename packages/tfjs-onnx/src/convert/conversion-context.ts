import { attr } from '../ir/attributes.js';
import type { GraphBuilder } from '../ir/graph-builder.js';
import type { Attribute } from '../ir/types.js';
import { channelsFirstPerm, physicalShape, transposeBetween, type Perm } from './layout.js';
import type { TensorRef } from './tensor-ref.js';
import { readLayerWeight, type TfLayer, type WeightValues } from './tfjs-access.js';

/** What converters use to emit ONNX: node and constant helpers plus layout conversion. */
export class ConversionContext {
  private readonly transposeCache = new Map<string, string>();
  /** Number of Transpose nodes inserted for layout changes. */
  layoutTransposes = 0;

  constructor(
    readonly builder: GraphBuilder,
    readonly opset: number,
    /** When true every layer output is brought back to tfjs order (the 'naive' layout option). */
    readonly naiveLayout = false,
  ) {}

  /** Emits a single-output node and returns the output name. */
  op(opType: string, inputs: string[], attributes: Record<string, Attribute> = {}, nameHint?: string): string {
    return this.builder.addNode(opType, inputs, attributes, { nameHint: nameHint ?? opType })[0]!;
  }

  /** A float32 constant. */
  constFloat(nameHint: string, data: Float32Array | readonly number[], dims: number[]): string {
    return this.builder.constFloat(nameHint, data, dims);
  }

  /** A float32 scalar constant. */
  scalar(nameHint: string, value: number): string {
    return this.builder.constFloat(nameHint, [value], []);
  }

  /** An int64 constant. */
  constInt64(nameHint: string, values: readonly number[], dims?: number[]): string {
    return this.builder.constInt64(nameHint, values, dims);
  }

  /** The value of `ref` in layout `perm` (a shared Transpose is inserted when needed). */
  toLayout(ref: TensorRef, perm: Perm | null): string {
    const transpose = transposeBetween(ref.perm, perm, ref.shape.length);
    if (!transpose) return ref.name;
    const key = `${ref.name}|${transpose.join(',')}`;
    let name = this.transposeCache.get(key);
    if (!name) {
      name = this.op('Transpose', [ref.name], { perm: attr.ints(transpose) }, `${ref.name}_transposed`);
      this.recordShape(ref.name, physicalShape(ref.shape, ref.perm));
      this.recordShape(name, physicalShape(ref.shape, perm));
      this.transposeCache.set(key, name);
      this.layoutTransposes++;
    }
    return name;
  }

  /** Notes the physical shape of a value for later graph rewrites. */
  recordShape(name: string, shape: (number | null)[]): void {
    this.builder.graph.shapes.set(name, [...shape]);
  }

  /** The value of `ref` in tfjs order. */
  logical(ref: TensorRef): string {
    return this.toLayout(ref, null);
  }

  /** The value of `ref` channels-first (NCHW, NCW, NCDHW). */
  channelsFirst(ref: TensorRef): string {
    return this.toLayout(ref, channelsFirstPerm(ref.shape.length));
  }

  /** Reads a weight field of a layer, throwing when it is missing. */
  weight(layer: TfLayer, field: string): WeightValues {
    const w = readLayerWeight(layer, field);
    if (!w) throw new Error(`layer '${layer.name}' (${layer.getClassName()}) has no weight '${field}'`);
    return w;
  }

  /** Reads an optional weight field (null when absent, e.g. a disabled bias). */
  optionalWeight(layer: TfLayer, field: string): WeightValues | null {
    return readLayerWeight(layer, field);
  }
}
