import type * as tfl from '@tensorflow/tfjs-layers';

/** The one shape of a single-input layer call (tfjs passes a list for some call paths). */
export function singleShape(inputShape: tfl.Shape | tfl.Shape[], layer: string): tfl.Shape {
  if (Array.isArray(inputShape[0])) {
    if (inputShape.length !== 1) throw new Error(`layer '${layer}' expects 1 input, got ${inputShape.length}`);
    return inputShape[0] as tfl.Shape;
  }
  return inputShape as tfl.Shape;
}

/** The known size of dimension `axis` (negative counts from the end); throws naming the layer when unknown. */
export function knownDim(shape: tfl.Shape, axis: number, layer: string, what: string): number {
  const d = shape[axis < 0 ? shape.length + axis : axis];
  if (typeof d !== 'number') throw new Error(`layer '${layer}': the ${what} dimension of input shape [${shape.join(', ')}] must be known`);
  return d;
}
