import * as tf from '@tensorflow/tfjs';
import { type BuildOptions, dcganGeneratorBody } from './dcgan-mnist.js';

/** Size of the conditional GAN's latent vector. */
export const CGAN_LATENT = 64;
/** Classes the conditional GAN is conditioned on (one-hot). */
export const CGAN_CLASSES = 10;

/**
 * Class-conditional DCGAN generator for 28×28×1 images in [-1, 1]: inputs `z` (64) and `label` (one-hot, 10);
 * [z, y] → dense(7·7·64, no bias) → BN → ReLU → reshape → convT(32, 4, s2) → BN → ReLU → convT(1, 4, s2) → tanh.
 */
export function buildCganGenerator(options: BuildOptions = {}): tf.LayersModel {
  const z = tf.input({ shape: [CGAN_LATENT], name: 'z' });
  const label = tf.input({ shape: [CGAN_CLASSES], name: 'label' });
  const condition = tf.layers.concatenate({ name: 'g_condition' }).apply([z, label]) as tf.SymbolicTensor;
  return tf.model({ inputs: [z, label], outputs: dcganGeneratorBody(condition, options.seed), name: 'cgan_generator' });
}
