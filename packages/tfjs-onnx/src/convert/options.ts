/** Options of {@link convertLayersModel}. */
export interface ConvertOptions {
  /** ai.onnx opset to target (13–21, default 21: the newest, run by onnxruntime-node and onnxruntime-web 1.30). */
  opset?: number;
  /** Layout of 4-D image tensors at the graph boundary (default 'NCHW'). */
  imageLayout?: 'NCHW' | 'NHWC';
  /** Graph input names, one per model input (default: the tfjs input layer names). */
  inputNames?: string[];
  /** Graph output names, one per model output (default: the producing tfjs layer names). */
  outputNames?: string[];
  /** GraphProto name (default: the tfjs model name). */
  modelName?: string;
  /** ModelProto.doc_string. */
  docString?: string;
  /** ModelProto.metadata_props. */
  metadata?: Record<string, string>;
  /** ModelProto.producer_version (default: this package's version). */
  producerVersion?: string;
  /** Storage type of float weights; 'float16' halves the file and casts back to float32 at load. */
  weightType?: 'float32' | 'float16';
  /** Run graph optimisations (constant folding, BN folding, transpose removal, identity removal). Default true. */
  optimize?: boolean;
  /**
   * How tensors are laid out between layers. 'optimized' (default) keeps them channels-first from
   * one convolution to the next. 'naive' returns every layer output to tfjs (channels-last) order,
   * so each convolution sits between a Transpose pair; it exists to measure what the layout pass saves.
   */
  layout?: 'optimized' | 'naive';
}

/** One graph input or output. */
export interface IoSpec {
  name: string;
  /** Physical ONNX shape; the batch dimension is 'batch'. */
  shape: (number | 'batch')[];
  /** Set on 4-D tensors: their layout in the ONNX graph. */
  layout?: 'NCHW' | 'NHWC';
}

/** Summary of an export. */
export interface ExportReport {
  nodesByType: Record<string, number>;
  /** Number of weight values stored in initializers. */
  parameters: number;
  /** Size of the serialised model. */
  bytes: number;
  /** Transpose nodes left in the graph. */
  transposes: number;
  opset: number;
}

/** Result of {@link convertLayersModel}. */
export interface ConversionResult {
  bytes: Uint8Array;
  inputs: IoSpec[];
  outputs: IoSpec[];
  report: ExportReport;
}
