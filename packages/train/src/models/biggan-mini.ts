import * as tf from '@tensorflow/tfjs';
import { conditionalBatchNormalization, selfAttention2D, spectralNormalization } from '@genzoo/tfjs-onnx';
import type { BuildOptions } from './dcgan-mnist.js';

/** Size of the latent vector. */
export const BIGGAN_LATENT = 64;
/** Classes, fed one-hot to both networks. */
export const BIGGAN_CLASSES = 10;

/**
 * Channel widths. The 196×196 attention maps at 14×14 dominate a step's cost on the wasm backend (its batched
 * matrix products run ~30 ns per output element), and their value products scale with the channels there, so
 * both networks are 16 channels wide at 14×14: with 32 and 32, a batch-64 step took 1.6× as long.
 */
export const BIGGAN_WIDTHS: BigganWidths = { generator: [64, 16], discriminator: [16, 64] };

/** Channels of the 7×7 and 14×14 maps of G, and of the 14×14 and 7×7 maps of D. */
export interface BigganWidths {
  generator: readonly [number, number];
  discriminator: readonly [number, number];
}

/** Builder options: a seed for repeatable initialisation, and widths other than {@link BIGGAN_WIDTHS} (for tests and timing). */
export interface BigganBuildOptions extends BuildOptions {
  widths?: BigganWidths;
}

type Symbolic = tf.SymbolicTensor;

function init(seed: number | undefined, offset: number): ReturnType<typeof tf.initializers.glorotUniform> {
  return tf.initializers.glorotUniform(seed === undefined ? {} : { seed: seed * 101 + offset });
}

/**
 * Generator: inputs `z` [64] and `label` [10] one-hot →
 * dense 7·7·64 → CBN(label) → ReLU → reshape 7×7×64 → conv-transpose 16, 4×4, s2 → CBN(label) → ReLU →
 * self-attention at 14×14 → conv-transpose 1, 4×4, s2 → tanh (`image` in [-1, 1]).
 */
export function buildBigganGenerator(options: BigganBuildOptions = {}): tf.LayersModel {
  const { seed, widths = BIGGAN_WIDTHS } = options;
  const [wide, narrow] = widths.generator;
  const z = tf.input({ shape: [BIGGAN_LATENT], name: 'z' });
  const label = tf.input({ shape: [BIGGAN_CLASSES], name: 'label' });
  const cbn = (h: Symbolic, name: string): Symbolic =>
    (conditionalBatchNormalization({ momentum: 0.9, name }) as unknown as tf.layers.Layer).apply([h, label]) as Symbolic;
  let h = tf.layers.dense({ units: 7 * 7 * wide, useBias: false, kernelInitializer: init(seed, 1), name: 'g_dense' }).apply(z) as Symbolic;
  h = tf.layers.reLU({ name: 'g_relu1' }).apply(cbn(h, 'g_cbn1')) as Symbolic;
  h = tf.layers.reshape({ targetShape: [7, 7, wide], name: 'g_reshape' }).apply(h) as Symbolic;
  h = tf.layers.conv2dTranspose({
    filters: narrow, kernelSize: 4, strides: 2, padding: 'same', useBias: false, kernelInitializer: init(seed, 2), name: 'g_deconv1',
  }).apply(h) as Symbolic;
  h = tf.layers.reLU({ name: 'g_relu2' }).apply(cbn(h, 'g_cbn2')) as Symbolic;
  h = (selfAttention2D({ name: 'g_attention' }) as unknown as tf.layers.Layer).apply(h) as Symbolic;
  const image = tf.layers.conv2dTranspose({
    filters: 1, kernelSize: 4, strides: 2, padding: 'same', activation: 'tanh', kernelInitializer: init(seed, 3), name: 'g_deconv2',
  }).apply(h) as Symbolic;
  return tf.model({ inputs: [z, label], outputs: image, name: 'biggan_mini_generator' });
}

/**
 * Projection discriminator (Miyato & Koyama 2018): inputs `image` [28, 28, 1] and `label` [10] one-hot.
 * φ(x): SN conv 16, 4×4, s2 → LeakyReLU 0.2 → self-attention at 14×14 → SN conv 64, 4×4, s2 → LeakyReLU 0.2 →
 * flatten (7·7·64). Output: SN dense 1 of φ(x) plus ⟨embed(y), φ(x)⟩, embed an SN dense map of the one-hot label.
 */
export function buildBigganDiscriminator(options: BigganBuildOptions & { powerIterations?: number } = {}): tf.LayersModel {
  const { seed, powerIterations = 1, widths = BIGGAN_WIDTHS } = options;
  const [wide, widest] = widths.discriminator;
  const sn = (layer: tf.layers.Layer, name: string): tf.layers.Layer => spectralNormalization({ layer, powerIterations, name }) as unknown as tf.layers.Layer;
  const conv = (filters: number, offset: number): tf.layers.Layer =>
    tf.layers.conv2d({ filters, kernelSize: 4, strides: 2, padding: 'same', kernelInitializer: init(seed, offset) });
  const x = tf.input({ shape: [28, 28, 1], name: 'image' });
  const label = tf.input({ shape: [BIGGAN_CLASSES], name: 'label' });
  let h = sn(conv(wide, 11), 'd_conv1').apply(x) as Symbolic;
  h = tf.layers.leakyReLU({ alpha: 0.2, name: 'd_lrelu1' }).apply(h) as Symbolic;
  h = (selfAttention2D({ name: 'd_attention' }) as unknown as tf.layers.Layer).apply(h) as Symbolic;
  h = sn(conv(widest, 12), 'd_conv2').apply(h) as Symbolic;
  h = tf.layers.leakyReLU({ alpha: 0.2, name: 'd_lrelu2' }).apply(h) as Symbolic;
  // Flattened, as in the DCGAN discriminator, not pooled: summing the 7×7 positions (SNGAN) let D overpower G within
  // 10 steps, and averaging them left D judging texture, so G drew textured blobs, not digits, after 400 steps.
  const features = tf.layers.flatten({ name: 'd_flatten' }).apply(h) as Symbolic;
  const unconditional = sn(tf.layers.dense({ units: 1, kernelInitializer: init(seed, 13) }), 'd_logit').apply(features) as Symbolic;
  const embedding = sn(tf.layers.dense({ units: 7 * 7 * widest, useBias: false, kernelInitializer: init(seed, 14) }), 'd_embed').apply(label) as Symbolic;
  const projection = tf.layers.dot({ axes: 1, name: 'd_projection' }).apply([embedding, features]) as Symbolic;
  const logit = tf.layers.add({ name: 'd_output' }).apply([unconditional, projection]) as Symbolic;
  return tf.model({ inputs: [x, label], outputs: logit, name: 'biggan_mini_discriminator' });
}
