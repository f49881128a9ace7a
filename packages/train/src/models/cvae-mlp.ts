import * as tf from '@tensorflow/tfjs';
import type { BuildOptions } from './dcgan-mnist.js';

/** Size of the conditional VAE's latent vector. */
export const CVAE_LATENT = 16;
/** Classes the conditional VAE is conditioned on (one-hot). */
export const CVAE_CLASSES = 10;

function init(seed: number | undefined, offset: number): ReturnType<typeof tf.initializers.glorotUniform> {
  return tf.initializers.glorotUniform(seed === undefined ? {} : { seed: seed * 101 + offset });
}

function dense(units: number, activation: 'relu' | 'sigmoid' | 'linear', seed: number | undefined, offset: number, name: string): tf.layers.Layer {
  return tf.layers.dense({ units, activation, kernelInitializer: init(seed, offset), name });
}

/**
 * Conditional VAE encoder q(z | x, y): inputs `image` [28, 28, 1] in [0, 1] and `label` (one-hot, 10);
 * [flatten(x), y] → dense 512 ReLU → dense 256 ReLU → two dense heads of 16: `mean` and `logvar`.
 */
export function buildCvaeEncoder(options: BuildOptions = {}): tf.LayersModel {
  const { seed } = options;
  const image = tf.input({ shape: [28, 28, 1], name: 'image' });
  const label = tf.input({ shape: [CVAE_CLASSES], name: 'label' });
  const flat = tf.layers.flatten({ name: 'e_flatten' }).apply(image) as tf.SymbolicTensor;
  let h = tf.layers.concatenate({ name: 'e_condition' }).apply([flat, label]) as tf.SymbolicTensor;
  h = dense(512, 'relu', seed, 1, 'e_dense1').apply(h) as tf.SymbolicTensor;
  h = dense(256, 'relu', seed, 2, 'e_dense2').apply(h) as tf.SymbolicTensor;
  const mean = dense(CVAE_LATENT, 'linear', seed, 3, 'mean').apply(h) as tf.SymbolicTensor;
  const logvar = dense(CVAE_LATENT, 'linear', seed, 4, 'logvar').apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: [image, label], outputs: [mean, logvar], name: 'cvae_encoder' });
}

/**
 * Conditional VAE decoder p(x | z, y), the shipped generator: inputs `z` (16) and `label` (one-hot, 10);
 * [z, y] → dense 256 ReLU → dense 512 ReLU → dense 784 sigmoid → reshape [28, 28, 1] (Bernoulli means).
 */
export function buildCvaeDecoder(options: BuildOptions = {}): tf.LayersModel {
  const { seed } = options;
  const z = tf.input({ shape: [CVAE_LATENT], name: 'z' });
  const label = tf.input({ shape: [CVAE_CLASSES], name: 'label' });
  let h = tf.layers.concatenate({ name: 'd_condition' }).apply([z, label]) as tf.SymbolicTensor;
  h = dense(256, 'relu', seed, 11, 'd_dense1').apply(h) as tf.SymbolicTensor;
  h = dense(512, 'relu', seed, 12, 'd_dense2').apply(h) as tf.SymbolicTensor;
  h = dense(28 * 28, 'sigmoid', seed, 13, 'd_pixels').apply(h) as tf.SymbolicTensor;
  const image = tf.layers.reshape({ targetShape: [28, 28, 1], name: 'd_image' }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: [z, label], outputs: image, name: 'cvae_decoder' });
}
