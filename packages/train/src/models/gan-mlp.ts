import * as tf from '@tensorflow/tfjs';
import { spectralNormalization } from '@genzoo/tfjs-onnx';
import { MinibatchDiscrimination } from './minibatch-discrimination.js';

/** Size of the MLP GAN's latent vector. */
export const GAN_MLP_LATENT = 64;

/** The discriminator layer whose activations feature matching compares (the last hidden layer). */
export const GAN_MLP_FEATURE_LAYER = 'd_lrelu2';

/**
 * Minibatch discrimination's B kernels of dimension C: half the kernels of Salimans et al.'s code (100 × 5),
 * since its cost grows with batch² · B · C and at 100 it doubled the step time on a CPU.
 */
export const GAN_MLP_MINIBATCH = { kernels: 50, kernelDim: 5 } as const;

/** Options of the builders: a seed makes weight initialisation repeatable. */
export interface GanMlpBuildOptions {
  seed?: number;
}

function init(seed: number | undefined, offset: number): ReturnType<typeof tf.initializers.randomNormal> {
  return tf.initializers.randomNormal({ mean: 0, stddev: 0.02, ...(seed === undefined ? {} : { seed: seed * 101 + offset }) });
}

function dense(units: number, seed: number | undefined, offset: number, name: string, activation?: 'tanh'): tf.layers.Layer {
  return tf.layers.dense({ units, kernelInitializer: init(seed, offset), name, ...(activation === undefined ? {} : { activation }) });
}

/**
 * MLP generator for 28×28×1 images in [-1, 1]:
 * z(64) → dense 256 → LeakyReLU 0.2 → dense 512 → LeakyReLU 0.2 → dense 784 → tanh → reshape 28×28×1.
 */
export function buildGanMlpGenerator(options: GanMlpBuildOptions = {}): tf.LayersModel {
  const { seed } = options;
  const z = tf.input({ shape: [GAN_MLP_LATENT], name: 'z' });
  let h = dense(256, seed, 1, 'g_dense1').apply(z) as tf.SymbolicTensor;
  h = tf.layers.leakyReLU({ alpha: 0.2, name: 'g_lrelu1' }).apply(h) as tf.SymbolicTensor;
  h = dense(512, seed, 2, 'g_dense2').apply(h) as tf.SymbolicTensor;
  h = tf.layers.leakyReLU({ alpha: 0.2, name: 'g_lrelu2' }).apply(h) as tf.SymbolicTensor;
  h = dense(784, seed, 3, 'g_dense3', 'tanh').apply(h) as tf.SymbolicTensor;
  const image = tf.layers.reshape({ targetShape: [28, 28, 1], name: 'g_reshape' }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: z, outputs: image, name: 'gan_mlp_generator' });
}

/** Options of the discriminator. */
export interface GanMlpDiscriminatorOptions extends GanMlpBuildOptions {
  /** A minibatch discrimination layer before the logit. */
  minibatchDiscrimination?: boolean;
  /** Every dense layer wrapped in spectral normalization (one power iteration per call). */
  spectralNorm?: boolean;
}

/**
 * MLP discriminator: flatten 784 → dense 512 → LeakyReLU 0.2 → dense 256 → LeakyReLU 0.2 (`d_lrelu2`)
 * → [minibatch discrimination, 50 kernels × 5] → dense 1 (logit); optionally every dense layer spectrally normalized.
 */
export function buildGanMlpDiscriminator(options: GanMlpDiscriminatorOptions = {}): tf.LayersModel {
  const { seed } = options;
  const dDense = (units: number, offset: number, name: string): tf.layers.Layer =>
    options.spectralNorm === true
      ? (spectralNormalization({ layer: tf.layers.dense({ units, kernelInitializer: init(seed, offset) }), name }) as unknown as tf.layers.Layer)
      : dense(units, seed, offset, name);
  const x = tf.input({ shape: [28, 28, 1], name: 'image' });
  let h = tf.layers.flatten({ name: 'd_flatten' }).apply(x) as tf.SymbolicTensor;
  h = dDense(512, 11, 'd_dense1').apply(h) as tf.SymbolicTensor;
  h = tf.layers.leakyReLU({ alpha: 0.2, name: 'd_lrelu1' }).apply(h) as tf.SymbolicTensor;
  h = dDense(256, 12, 'd_dense2').apply(h) as tf.SymbolicTensor;
  h = tf.layers.leakyReLU({ alpha: 0.2, name: GAN_MLP_FEATURE_LAYER }).apply(h) as tf.SymbolicTensor;
  if (options.minibatchDiscrimination === true) {
    const layer = new MinibatchDiscrimination({ ...GAN_MLP_MINIBATCH, name: 'd_minibatch', ...(seed === undefined ? {} : { seed: seed * 101 + 14 }) });
    h = layer.apply(h) as tf.SymbolicTensor;
  }
  const logit = dDense(1, 13, 'd_logit').apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: logit, name: 'gan_mlp_discriminator' });
}
