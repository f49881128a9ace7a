import * as tf from '@tensorflow/tfjs';
import type { BuildOptions } from './dcgan-mnist.js';

/** BiGAN latent size. */
export const BIGAN_LATENT = 64;
/** Dropout rate of the joint discriminator (ALI's recipe: keeps D from winning outright). */
export const BIGAN_DROPOUT = 0.2;

function init(seed: number | undefined, offset: number): ReturnType<typeof tf.initializers.randomNormal> {
  return tf.initializers.randomNormal({ mean: 0, stddev: 0.02, ...(seed === undefined ? {} : { seed: seed * 101 + offset }) });
}

function leaky(name: string): tf.layers.Layer {
  return tf.layers.leakyReLU({ alpha: 0.2, name });
}

/**
 * BiGAN generator G: z(64) → image [28, 28, 1] in [-1, 1]; the DCGAN generator at half its width, because a BiGAN
 * step also runs E and a joint D:
 * dense(7·7·32) → BN → ReLU → reshape → convT(16, 4, s2) → BN → ReLU → convT(1, 4, s2) → tanh.
 */
export function buildBiganMnistGenerator(options: BuildOptions = {}): tf.LayersModel {
  const { seed } = options;
  const z = tf.input({ shape: [BIGAN_LATENT], name: 'z' });
  let h = tf.layers.dense({ units: 7 * 7 * 32, useBias: false, kernelInitializer: init(seed, 1), name: 'g_dense' }).apply(z) as tf.SymbolicTensor;
  h = tf.layers.batchNormalization({ momentum: 0.9, name: 'g_bn1' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.reLU({ name: 'g_relu1' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.reshape({ targetShape: [7, 7, 32], name: 'g_reshape' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.conv2dTranspose({ filters: 16, kernelSize: 4, strides: 2, padding: 'same', useBias: false, kernelInitializer: init(seed, 2), name: 'g_deconv1' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.batchNormalization({ momentum: 0.9, name: 'g_bn2' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.reLU({ name: 'g_relu2' }).apply(h) as tf.SymbolicTensor;
  const image = tf.layers.conv2dTranspose({ filters: 1, kernelSize: 4, strides: 2, padding: 'same', activation: 'tanh', kernelInitializer: init(seed, 3), name: 'g_deconv2' }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: z, outputs: image, name: 'bigan_mnist_generator' });
}

/**
 * BiGAN encoder E: image [28, 28, 1] in [-1, 1] → `mean` (64), a deterministic code:
 * conv(16, 4, s2) LeakyReLU → conv(32, 4, s2) LeakyReLU → flatten → dense(256) LeakyReLU → dense(64).
 * No batch norm, so E(x) is the same in training and at inference.
 */
export function buildBiganMnistEncoder(options: BuildOptions = {}): tf.LayersModel {
  const { seed } = options;
  const x = tf.input({ shape: [28, 28, 1], name: 'image' });
  let h = tf.layers.conv2d({ filters: 16, kernelSize: 4, strides: 2, padding: 'same', kernelInitializer: init(seed, 21), name: 'e_conv1' }).apply(x) as tf.SymbolicTensor;
  h = leaky('e_lrelu1').apply(h) as tf.SymbolicTensor;
  h = tf.layers.conv2d({ filters: 32, kernelSize: 4, strides: 2, padding: 'same', kernelInitializer: init(seed, 22), name: 'e_conv2' }).apply(h) as tf.SymbolicTensor;
  h = leaky('e_lrelu2').apply(h) as tf.SymbolicTensor;
  h = tf.layers.flatten({ name: 'e_flatten' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.dense({ units: 256, kernelInitializer: init(seed, 23), name: 'e_dense' }).apply(h) as tf.SymbolicTensor;
  h = leaky('e_lrelu3').apply(h) as tf.SymbolicTensor;
  const code = tf.layers.dense({ units: BIGAN_LATENT, kernelInitializer: init(seed, 24), name: 'mean' }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: code, name: 'bigan_mnist_encoder' });
}

/**
 * Joint discriminator D(x, z) → logit, dropout 0.2 after every hidden layer and no batch norm (so real and
 * fake pairs may share one batch):
 * x-branch conv(16, 4, s2) LeakyReLU → conv(32, 4, s2) LeakyReLU → flatten;
 * z-branch dense(128) LeakyReLU; both concatenated → dense(256) LeakyReLU → dense(1).
 */
export function buildBiganMnistDiscriminator(options: BuildOptions = {}): tf.LayersModel {
  const { seed } = options;
  const dropout = (name: string): tf.layers.Layer => tf.layers.dropout({ rate: BIGAN_DROPOUT, name });
  const x = tf.input({ shape: [28, 28, 1], name: 'image' });
  const z = tf.input({ shape: [BIGAN_LATENT], name: 'z' });
  let hx = tf.layers.conv2d({ filters: 16, kernelSize: 4, strides: 2, padding: 'same', kernelInitializer: init(seed, 31), name: 'd_conv1' }).apply(x) as tf.SymbolicTensor;
  hx = dropout('d_drop1').apply(leaky('d_lrelu1').apply(hx)) as tf.SymbolicTensor;
  hx = tf.layers.conv2d({ filters: 32, kernelSize: 4, strides: 2, padding: 'same', kernelInitializer: init(seed, 32), name: 'd_conv2' }).apply(hx) as tf.SymbolicTensor;
  hx = dropout('d_drop2').apply(leaky('d_lrelu2').apply(hx)) as tf.SymbolicTensor;
  hx = tf.layers.flatten({ name: 'd_flatten' }).apply(hx) as tf.SymbolicTensor;
  let hz = tf.layers.dense({ units: 128, kernelInitializer: init(seed, 33), name: 'd_zdense' }).apply(z) as tf.SymbolicTensor;
  hz = dropout('d_drop3').apply(leaky('d_lrelu3').apply(hz)) as tf.SymbolicTensor;
  let h = tf.layers.concatenate({ name: 'd_joint' }).apply([hx, hz]) as tf.SymbolicTensor;
  h = tf.layers.dense({ units: 256, kernelInitializer: init(seed, 34), name: 'd_dense' }).apply(h) as tf.SymbolicTensor;
  h = dropout('d_drop4').apply(leaky('d_lrelu4').apply(h)) as tf.SymbolicTensor;
  const logit = tf.layers.dense({ units: 1, kernelInitializer: init(seed, 35), name: 'd_logit' }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: [x, z], outputs: logit, name: 'bigan_mnist_discriminator' });
}
