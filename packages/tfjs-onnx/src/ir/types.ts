/** Element types the IR can hold in initializers and value infos. */
export type ElemType = 'float32' | 'float16' | 'int32' | 'int64';

/** A typed node attribute; the tag decides the ONNX AttributeType. */
export type Attribute =
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'string'; value: string }
  | { type: 'ints'; value: readonly number[] }
  | { type: 'floats'; value: readonly number[] };

/** One operator application. Optional inputs that are skipped are written as ''. */
export interface IrNode {
  name: string;
  opType: string;
  inputs: string[];
  outputs: string[];
  attributes: Record<string, Attribute>;
  domain?: string;
}

/** Constant tensor data; float16 data is held as raw uint16 bits. */
export type TensorData = Float32Array | Uint16Array | Int32Array | BigInt64Array;

/** A named constant (graph initializer). */
export interface IrInitializer {
  name: string;
  elemType: ElemType;
  dims: number[];
  data: TensorData;
}

/** One dimension of a graph input/output: a fixed size or a symbolic name. */
export type IrDim = number | string;

/** An inferred dimension: a fixed size, a symbolic name (e.g. 'batch'), or null when unknown. */
export type InferredDim = number | string | null;

/** An inferred tensor type: element type and shape, each null when unknown. */
export interface TensorType {
  elemType: ElemType | null;
  shape: InferredDim[] | null;
}

/** A graph input or output. */
export interface IrValueInfo {
  name: string;
  elemType: ElemType;
  shape: IrDim[];
}

/** A whole graph: what the converter builds and the optimizer rewrites. */
export interface IrGraph {
  name: string;
  nodes: IrNode[];
  initializers: Map<string, IrInitializer>;
  inputs: IrValueInfo[];
  outputs: IrValueInfo[];
  /** Known physical shapes of values (batch null); used by rewrites, never written. */
  shapes: Map<string, (number | null)[]>;
}
