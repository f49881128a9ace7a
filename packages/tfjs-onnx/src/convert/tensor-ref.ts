import type { Perm } from './layout.js';

/** Logical (tfjs) shape: the batch dimension is null. */
export type LogicalShape = (number | null)[];

/** A tfjs tensor as it exists in the ONNX graph being built. */
export interface TensorRef {
  /** ONNX value name. */
  name: string;
  /** Shape as tfjs sees it (channels-last). */
  shape: LogicalShape;
  /** Physical layout (see {@link Perm}); null when physical order is the tfjs order. */
  perm: Perm | null;
  dtype: 'float32' | 'int32';
}

/** What a converter returns per layer output; the shape comes from the tfjs graph. */
export interface LayerOutput {
  name: string;
  perm: Perm | null;
}
