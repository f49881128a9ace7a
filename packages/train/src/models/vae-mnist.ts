import * as tf from '@tensorflow/tfjs';
import type { BuildOptions } from './dcgan-mnist.js';

/** Size of the VAE latent vector. */
export const VAE_MNIST_LATENT = 16;

function init(seed: number | undefined, offset: number): ReturnType<typeof tf.initializers.randomNormal> {
  return tf.initializers.glorotUniform(seed === undefined ? {} : { seed: seed * 101 + offset });
}

/**
 * VAE encoder: image [28, 28, 1] in [0, 1] → two outputs, `mean` and `logvar` (16 each).
 * conv(32, 4, s2) ReLU → conv(64, 4, s2) ReLU → flatten → dense(256) ReLU → two dense(16) heads.
 */
export function buildVaeMnistEncoder(options: BuildOptions = {}): tf.LayersModel {
  const { seed } = options;
  const x = tf.input({ shape: [28, 28, 1], name: 'image' });
  let h = tf.layers.conv2d({ filters: 32, kernelSize: 4, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: init(seed, 1), name: 'e_conv1' }).apply(x) as tf.SymbolicTensor;
  h = tf.layers.conv2d({ filters: 64, kernelSize: 4, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: init(seed, 2), name: 'e_conv2' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.flatten({ name: 'e_flatten' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.dense({ units: 256, activation: 'relu', kernelInitializer: init(seed, 3), name: 'e_dense' }).apply(h) as tf.SymbolicTensor;
  const mean = tf.layers.dense({ units: VAE_MNIST_LATENT, kernelInitializer: init(seed, 4), name: 'mean' }).apply(h) as tf.SymbolicTensor;
  const logvar = tf.layers.dense({ units: VAE_MNIST_LATENT, kernelInitializer: init(seed, 5), name: 'logvar' }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: [mean, logvar], name: 'vae_mnist_encoder' });
}

/**
 * VAE decoder (the exported "generator"): z(16) → image [28, 28, 1] in [0, 1].
 * dense(256) ReLU → dense(7·7·64) ReLU → reshape → convT(32, 4, s2) ReLU → convT(1, 4, s2) sigmoid.
 */
export function buildVaeMnistDecoder(options: BuildOptions = {}): tf.LayersModel {
  const { seed } = options;
  const z = tf.input({ shape: [VAE_MNIST_LATENT], name: 'z' });
  let h = tf.layers.dense({ units: 256, activation: 'relu', kernelInitializer: init(seed, 11), name: 'd_dense1' }).apply(z) as tf.SymbolicTensor;
  h = tf.layers.dense({ units: 7 * 7 * 64, activation: 'relu', kernelInitializer: init(seed, 12), name: 'd_dense2' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.reshape({ targetShape: [7, 7, 64], name: 'd_reshape' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.conv2dTranspose({ filters: 32, kernelSize: 4, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: init(seed, 13), name: 'd_deconv1' }).apply(h) as tf.SymbolicTensor;
  const image = tf.layers.conv2dTranspose({ filters: 1, kernelSize: 4, strides: 2, padding: 'same', activation: 'sigmoid', kernelInitializer: init(seed, 14), name: 'd_deconv2' }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: z, outputs: image, name: 'vae_mnist_decoder' });
}
