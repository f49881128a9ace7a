import type { ElemType, IrInitializer, IrNode, TensorType } from '../ir/types.js';
import { fail, UNKNOWN_TYPE, type Shape } from './dims.js';

/** What an inference function sees of one node: its input types, constant inputs and attributes. */
export class InferenceContext {
  constructor(
    readonly node: IrNode,
    readonly opset: number,
    private readonly types: ReadonlyMap<string, TensorType>,
    private readonly initializers: ReadonlyMap<string, IrInitializer>,
  ) {}

  /** True when input `i` is present (not skipped with ''). */
  has(i: number): boolean {
    return (this.node.inputs[i] ?? '') !== '';
  }

  /** The inferred type of input `i` (unknown when absent). */
  type(i: number): TensorType {
    const name = this.node.inputs[i] ?? '';
    return name === '' ? UNKNOWN_TYPE : (this.types.get(name) ?? UNKNOWN_TYPE);
  }

  /** The inferred shape of input `i`, or null when unknown. */
  shape(i: number): Shape | null {
    return this.type(i).shape;
  }

  /** The element type of input `i`, or null when unknown. */
  elemType(i: number): ElemType | null {
    return this.type(i).elemType;
  }

  /** The values of input `i` when it is a constant (an initializer), as numbers. */
  constant(i: number): number[] | undefined {
    const name = this.node.inputs[i] ?? '';
    const init = name === '' ? undefined : this.initializers.get(name);
    if (!init || init.elemType === 'float16') return undefined;
    return Array.from(init.data as ArrayLike<number | bigint>, (v) => Number(v));
  }

  /** An int attribute. */
  int(name: string, fallback: number): number {
    const a = this.node.attributes[name];
    if (a === undefined) return fallback;
    if (a.type !== 'int') fail(`attribute ${name} must be an int`);
    return a.value;
  }

  /** An ints attribute, or undefined when absent. */
  ints(name: string): readonly number[] | undefined {
    const a = this.node.attributes[name];
    if (a === undefined) return undefined;
    if (a.type !== 'ints') fail(`attribute ${name} must be ints`);
    return a.value;
  }

  /** A string attribute. */
  string(name: string, fallback: string): string {
    const a = this.node.attributes[name];
    if (a === undefined) return fallback;
    if (a.type !== 'string') fail(`attribute ${name} must be a string`);
    return a.value;
  }

  /** Axes given as attribute `axes` (older opsets) or as constant input `inputIndex` (newer ones). */
  axes(inputIndex: number): readonly number[] | undefined | 'dynamic' {
    const fromAttr = this.ints('axes');
    if (fromAttr) return fromAttr;
    if (!this.has(inputIndex)) return undefined;
    return this.constant(inputIndex) ?? 'dynamic';
  }
}

/** Infers the output types of one node; throws {@link ShapeError} when its inputs are inconsistent. */
export type ShapeInferenceFn = (ctx: InferenceContext) => TensorType[];
