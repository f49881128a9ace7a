import * as tf from '@tensorflow/tfjs';
import { spectralNormalization } from '@genzoo/tfjs-onnx';
import type { BuildOptions } from './dcgan-mnist.js';

/**
 * The DCGAN discriminator with every conv and dense layer wrapped in spectral normalization
 * (Miyato et al. 2018). Each wrapper's power-iteration vector `u` is a non-trainable weight, so it is
 * saved and restored with the model's weights (checkpoints included) and exported as W/σ(W).
 */
export function buildDcganMnistSnDiscriminator(options: BuildOptions & { powerIterations?: number } = {}): tf.LayersModel {
  const { seed, powerIterations = 1 } = options;
  const init = (offset: number): ReturnType<typeof tf.initializers.randomNormal> =>
    tf.initializers.randomNormal({ mean: 0, stddev: 0.02, ...(seed === undefined ? {} : { seed: seed * 101 + offset }) });
  const sn = (layer: tf.layers.Layer, name: string): tf.layers.Layer =>
    spectralNormalization({ layer, powerIterations, name }) as unknown as tf.layers.Layer;
  const x = tf.input({ shape: [28, 28, 1], name: 'image' });
  let h = sn(tf.layers.conv2d({ filters: 32, kernelSize: 4, strides: 2, padding: 'same', kernelInitializer: init(11) }), 'd_conv1').apply(x) as tf.SymbolicTensor;
  h = tf.layers.leakyReLU({ alpha: 0.2, name: 'd_lrelu1' }).apply(h) as tf.SymbolicTensor;
  h = sn(tf.layers.conv2d({ filters: 64, kernelSize: 4, strides: 2, padding: 'same', kernelInitializer: init(12) }), 'd_conv2').apply(h) as tf.SymbolicTensor;
  h = tf.layers.leakyReLU({ alpha: 0.2, name: 'd_lrelu2' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.flatten({ name: 'd_flatten' }).apply(h) as tf.SymbolicTensor;
  const logit = sn(tf.layers.dense({ units: 1, kernelInitializer: init(13) }), 'd_logit').apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: logit, name: 'dcgan_mnist_sn_discriminator' });
}
