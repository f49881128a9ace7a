import * as tf from '@tensorflow/tfjs';

/** Size of the DCGAN latent vector. */
export const DCGAN_MNIST_LATENT = 64;

/** Options shared by the builders: a seed makes weight initialisation repeatable. */
export interface BuildOptions {
  seed?: number;
}

/** DCGAN weight initialisation N(0, 0.02), seeded per layer by `offset` when `seed` is given. */
export function dcganInit(seed: number | undefined, offset: number): ReturnType<typeof tf.initializers.randomNormal> {
  return tf.initializers.randomNormal({ mean: 0, stddev: 0.02, ...(seed === undefined ? {} : { seed: seed * 101 + offset }) });
}

/**
 * DCGAN generator for 28×28×1 images in [-1, 1]:
 * z(64) → dense(7·7·64) → BN → ReLU → reshape → convT(32, 4, s2) → BN → ReLU → convT(1, 4, s2) → tanh.
 */
export function buildDcganMnistGenerator(options: BuildOptions = {}): tf.LayersModel {
  const z = tf.input({ shape: [DCGAN_MNIST_LATENT], name: 'z' });
  return tf.model({ inputs: z, outputs: dcganGeneratorBody(z, options.seed), name: 'dcgan_mnist_generator' });
}

/** The DCGAN generator from its input vector on: dense(7·7·64) → BN → ReLU → reshape → convT(32) → BN → ReLU → convT(1) → tanh. */
export function dcganGeneratorBody(input: tf.SymbolicTensor, seed: number | undefined): tf.SymbolicTensor {
  let h = tf.layers.dense({ units: 7 * 7 * 64, useBias: false, kernelInitializer: dcganInit(seed, 1), name: 'g_dense' }).apply(input) as tf.SymbolicTensor;
  h = tf.layers.batchNormalization({ momentum: 0.9, name: 'g_bn1' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.reLU({ name: 'g_relu1' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.reshape({ targetShape: [7, 7, 64], name: 'g_reshape' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.conv2dTranspose({
    filters: 32, kernelSize: 4, strides: 2, padding: 'same', useBias: false, kernelInitializer: dcganInit(seed, 2), name: 'g_deconv1',
  }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.batchNormalization({ momentum: 0.9, name: 'g_bn2' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.reLU({ name: 'g_relu2' }).apply(h) as tf.SymbolicTensor;
  return tf.layers.conv2dTranspose({
    filters: 1, kernelSize: 4, strides: 2, padding: 'same', activation: 'tanh', kernelInitializer: dcganInit(seed, 3), name: 'g_deconv2',
  }).apply(h) as tf.SymbolicTensor;
}

/**
 * DCGAN discriminator: conv(32, 4, s2) → LeakyReLU 0.2 → conv(64, 4, s2) → LeakyReLU 0.2 → flatten → dense(1) logit.
 */
export function buildDcganMnistDiscriminator(options: BuildOptions = {}): tf.LayersModel {
  const { seed } = options;
  const x = tf.input({ shape: [28, 28, 1], name: 'image' });
  let h = tf.layers.conv2d({ filters: 32, kernelSize: 4, strides: 2, padding: 'same', kernelInitializer: dcganInit(seed, 11), name: 'd_conv1' }).apply(x) as tf.SymbolicTensor;
  h = tf.layers.leakyReLU({ alpha: 0.2, name: 'd_lrelu1' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.conv2d({ filters: 64, kernelSize: 4, strides: 2, padding: 'same', kernelInitializer: dcganInit(seed, 12), name: 'd_conv2' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.leakyReLU({ alpha: 0.2, name: 'd_lrelu2' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.flatten({ name: 'd_flatten' }).apply(h) as tf.SymbolicTensor;
  const logit = tf.layers.dense({ units: 1, kernelInitializer: dcganInit(seed, 13), name: 'd_logit' }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: logit, name: 'dcgan_mnist_discriminator' });
}
