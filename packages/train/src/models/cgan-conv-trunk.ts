import * as tf from '@tensorflow/tfjs';
import { dcganInit } from './dcgan-mnist.js';

/**
 * The DCGAN discriminator's feature extractor φ shared by both conditional discriminators:
 * conv(32, 4, s2) → LeakyReLU 0.2 → conv(64, 4, s2) → LeakyReLU 0.2 → flatten (7·7·64 = 3,136 features).
 */
export function cganConvTrunk(input: tf.SymbolicTensor, seed: number | undefined): tf.SymbolicTensor {
  let h = tf.layers.conv2d({ filters: 32, kernelSize: 4, strides: 2, padding: 'same', kernelInitializer: dcganInit(seed, 11), name: 'd_conv1' }).apply(input) as tf.SymbolicTensor;
  h = tf.layers.leakyReLU({ alpha: 0.2, name: 'd_lrelu1' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.conv2d({ filters: 64, kernelSize: 4, strides: 2, padding: 'same', kernelInitializer: dcganInit(seed, 12), name: 'd_conv2' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.leakyReLU({ alpha: 0.2, name: 'd_lrelu2' }).apply(h) as tf.SymbolicTensor;
  return tf.layers.flatten({ name: 'd_flatten' }).apply(h) as tf.SymbolicTensor;
}
