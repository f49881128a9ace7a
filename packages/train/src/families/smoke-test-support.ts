import type * as tf from '@tensorflow/tfjs';

/** Copies of a model's trainable weights, to see later whether a training step moved them. */
export function snapshot(model: tf.LayersModel): Float32Array[] {
  return model.trainableWeights.map((weight) => weight.read().dataSync() as Float32Array);
}

/** Whether any trainable weight differs from its {@link snapshot}. */
export function changed(before: Float32Array[], model: tf.LayersModel): boolean {
  return model.trainableWeights.some((weight, index) => weight.read().dataSync().some((value, i) => value !== before[index]![i]));
}
