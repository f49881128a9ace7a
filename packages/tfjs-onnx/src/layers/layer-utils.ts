import { attr } from '../ir/attributes.js';
import type { ConversionContext } from '../convert/conversion-context.js';
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

/** ReduceMean over `axes` keeping them (axes are an attribute before opset 18, an input from 18 on). */
export function reduceMean(ctx: ConversionContext, x: string, axes: number[], hint: string): string {
  if (ctx.opset >= 18) return ctx.op('ReduceMean', [x, ctx.constInt64(`${hint}_axes`, axes)], { keepdims: attr.int(1) }, hint);
  return ctx.op('ReduceMean', [x], { axes: attr.ints(axes), keepdims: attr.int(1) }, hint);
}
