import type { LayerCall } from '../convert/registry.js';
import type { TensorRef } from '../convert/tensor-ref.js';

/** The single input of a layer call; throws naming the layer when there is not exactly one. */
export function first(call: LayerCall): TensorRef {
  if (call.inputs.length !== 1) {
    throw new Error(`layer '${call.layer.name}' expects 1 input, got ${call.inputs.length}`);
  }
  return call.inputs[0]!;
}

/** Per-channel constant dims that broadcast against a rank-`rank` tensor along physical `axis`. */
export function channelDims(size: number, axis: number, rank: number): number[] {
  return [size, ...new Array<number>(rank - axis - 1).fill(1)];
}
