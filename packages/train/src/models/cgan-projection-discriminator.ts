import * as tf from '@tensorflow/tfjs';
import { cganConvTrunk } from './cgan-conv-trunk.js';
import { CGAN_CLASSES } from './cgan-generator.js';
import { type BuildOptions, dcganInit } from './dcgan-mnist.js';

/**
 * Projection discriminator (Miyato & Koyama 2018): inputs `image` [28, 28, 1] and `label` (one-hot, 10);
 * φ(x) is the DCGAN conv trunk on the image alone, and logit = ψ(φ(x)) + ⟨embed(y), φ(x)⟩ with ψ a dense(1)
 * and embed a bias-free dense from the one-hot to φ's 3,136 features (one learned vector per class).
 */
export function buildCganProjectionDiscriminator(options: BuildOptions = {}): tf.LayersModel {
  const { seed } = options;
  const image = tf.input({ shape: [28, 28, 1], name: 'image' });
  const label = tf.input({ shape: [CGAN_CLASSES], name: 'label' });
  const features = cganConvTrunk(image, seed);
  const unconditional = tf.layers.dense({ units: 1, kernelInitializer: dcganInit(seed, 13), name: 'd_logit' }).apply(features) as tf.SymbolicTensor;
  const embedded = tf.layers.dense({
    units: features.shape[1]!, useBias: false, kernelInitializer: dcganInit(seed, 14), name: 'd_class_embedding',
  }).apply(label) as tf.SymbolicTensor;
  const projection = tf.layers.dot({ axes: 1, name: 'd_projection' }).apply([embedded, features]) as tf.SymbolicTensor;
  const logit = tf.layers.add({ name: 'd_conditional_logit' }).apply([unconditional, projection]) as tf.SymbolicTensor;
  return tf.model({ inputs: [image, label], outputs: logit, name: 'cgan_projection_discriminator' });
}
