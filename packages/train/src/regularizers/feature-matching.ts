import * as tf from '@tensorflow/tfjs';

/** Feature matching (Salimans et al. 2016) on one intermediate discriminator layer. */
export interface FeatureMatchingOptions {
  /** Name of the discriminator layer whose output is matched. */
  layer: string;
  /** Weight of the term in the generator loss (default 1). */
  weight?: number;
  /** Use feature matching alone as the generator objective, as in the paper (default false: add it). */
  replaceAdversarial?: boolean;
}

/** A model sharing the discriminator's weights that outputs the named layer's activations. */
export function featureExtractor(discriminator: tf.LayersModel, layerName: string): tf.LayersModel {
  let layer: tf.layers.Layer;
  try {
    layer = discriminator.getLayer(layerName);
  } catch {
    throw new Error(`feature matching: discriminator ${discriminator.name} has no layer '${layerName}' (layers: ${discriminator.layers.map((l) => l.name).join(', ')})`);
  }
  return tf.model({ inputs: discriminator.inputs, outputs: layer.output as tf.SymbolicTensor, name: `${discriminator.name}_features` });
}

/** ‖E_batch f(real) − E_batch f(fake)‖², f flattened per example. */
export function featureMatchingLoss(realFeatures: tf.Tensor, fakeFeatures: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const flat = (t: tf.Tensor): tf.Tensor => tf.mean(tf.reshape(t, [t.shape[0]!, -1]), 0);
    return tf.sum(tf.square(tf.sub(flat(realFeatures), flat(fakeFeatures)))) as tf.Scalar;
  });
}
