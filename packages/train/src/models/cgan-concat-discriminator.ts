import * as tf from '@tensorflow/tfjs';
import { cganConvTrunk } from './cgan-conv-trunk.js';
import { CGAN_CLASSES } from './cgan-generator.js';
import { type BuildOptions, dcganInit } from './dcgan-mnist.js';

/**
 * Conditional discriminator that sees the label as input channels (Mirza & Osindero 2014, convolutional):
 * inputs `image` [28, 28, 1] and `label` (one-hot, 10); the one-hot becomes 10 constant 28×28 maps
 * stacked onto the image → the DCGAN conv trunk → dense(1) logit.
 */
export function buildCganConcatDiscriminator(options: BuildOptions = {}): tf.LayersModel {
  const { seed } = options;
  const image = tf.input({ shape: [28, 28, 1], name: 'image' });
  const label = tf.input({ shape: [CGAN_CLASSES], name: 'label' });
  const repeated = tf.layers.repeatVector({ n: 28 * 28, name: 'd_label_repeat' }).apply(label) as tf.SymbolicTensor;
  const labelMaps = tf.layers.reshape({ targetShape: [28, 28, CGAN_CLASSES], name: 'd_label_maps' }).apply(repeated) as tf.SymbolicTensor;
  const joined = tf.layers.concatenate({ name: 'd_condition' }).apply([image, labelMaps]) as tf.SymbolicTensor;
  const features = cganConvTrunk(joined, seed);
  const logit = tf.layers.dense({ units: 1, kernelInitializer: dcganInit(seed, 13), name: 'd_logit' }).apply(features) as tf.SymbolicTensor;
  return tf.model({ inputs: [image, label], outputs: logit, name: 'cgan_concat_discriminator' });
}
