import * as tf from '@tensorflow/tfjs';
import { type BuildOptions, dcganInit } from './dcgan-mnist.js';

/** Size of the conditional GAN's latent vector. */
export const CGAN_LATENT = 64;
/** Classes the conditional GAN is conditioned on (one-hot). */
export const CGAN_CLASSES = 10;

/**
 * Class-conditional DCGAN generator for 28×28×1 images in [-1, 1]: inputs `z` (64) and `label` (one-hot, 10);
 * [z, y] → dense(7·7·64, no bias) → BN → ReLU → reshape → convT(32, 4, s2) → BN → ReLU → convT(1, 4, s2) → tanh.
 */
export function buildCganGenerator(options: BuildOptions = {}): tf.LayersModel {
  const { seed } = options;
  const z = tf.input({ shape: [CGAN_LATENT], name: 'z' });
  const label = tf.input({ shape: [CGAN_CLASSES], name: 'label' });
  let h = tf.layers.concatenate({ name: 'g_condition' }).apply([z, label]) as tf.SymbolicTensor;
  h = tf.layers.dense({ units: 7 * 7 * 64, useBias: false, kernelInitializer: dcganInit(seed, 1), name: 'g_dense' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.batchNormalization({ momentum: 0.9, name: 'g_bn1' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.reLU({ name: 'g_relu1' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.reshape({ targetShape: [7, 7, 64], name: 'g_reshape' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.conv2dTranspose({
    filters: 32, kernelSize: 4, strides: 2, padding: 'same', useBias: false, kernelInitializer: dcganInit(seed, 2), name: 'g_deconv1',
  }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.batchNormalization({ momentum: 0.9, name: 'g_bn2' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.reLU({ name: 'g_relu2' }).apply(h) as tf.SymbolicTensor;
  const image = tf.layers.conv2dTranspose({
    filters: 1, kernelSize: 4, strides: 2, padding: 'same', activation: 'tanh', kernelInitializer: dcganInit(seed, 3), name: 'g_deconv2',
  }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: [z, label], outputs: image, name: 'cgan_generator' });
}
