import * as tf from '@tensorflow/tfjs';

/** Shape of every translator's images (NHWC, one channel, values in [-1, 1]). */
export const TRANSLATOR_IMAGE_SHAPE = [28, 28, 1] as const;

/** Options of the translator networks. */
export interface TranslatorNetOptions {
  seed?: number;
  /** Channels of the first encoder level; the others are multiples of it (default 32). */
  width?: number;
  /** Batch normalization after the inner convolutions (pix2pix); without it the nets have no batch statistics (CycleGAN). */
  batchNorm?: boolean;
  /** Layer-name prefix, so that two generators of one run stay apart in checkpoints and exports. */
  name?: string;
}

/** Default width of {@link buildUnetGenerator} and {@link buildPatchDiscriminator}. */
export const TRANSLATOR_WIDTH = 32;

function init(seed: number | undefined, offset: number): ReturnType<typeof tf.initializers.randomNormal> {
  return tf.initializers.randomNormal({ mean: 0, stddev: 0.02, ...(seed === undefined ? {} : { seed: seed * 131 + offset }) });
}

type Layer = { apply(input: tf.SymbolicTensor | tf.SymbolicTensor[]): tf.SymbolicTensor | tf.SymbolicTensor[] | tf.Tensor | tf.Tensor[] };

function apply(layer: Layer, input: tf.SymbolicTensor | tf.SymbolicTensor[]): tf.SymbolicTensor {
  return layer.apply(input) as tf.SymbolicTensor;
}

/**
 * U-Net generator for 28×28×1 images in [-1, 1] (w = width):
 * e1 conv w, 4×4, s2 → LeakyReLU 0.2 (14×14) · e2 conv 2w, 4×4, s2 → [BN] → LeakyReLU 0.2 (7×7) ·
 * bottleneck conv 2w, 3×3 → [BN] → ReLU (7×7) · d1 convT w, 4×4, s2 on [bottleneck, e2] → [BN] → ReLU (14×14) ·
 * d2 convT w/2, 4×4, s2 on [d1, e1] → [BN] → ReLU (28×28) · out conv 1, 3×3 on [d2, source] → tanh.
 * Skips concatenate on channels; the last one hands the source itself to the output layer, so unchanged pixels are cheap to copy.
 */
export function buildUnetGenerator(options: TranslatorNetOptions = {}): tf.LayersModel {
  const { seed, width: w = TRANSLATOR_WIDTH, batchNorm = true, name = 'unet' } = options;
  let offset = 0;
  const conv = (filters: number, kernelSize: number, strides: number, layerName: string, extra: { useBias?: boolean; activation?: 'tanh' } = {}) =>
    tf.layers.conv2d({ filters, kernelSize, strides, padding: 'same', useBias: !batchNorm, kernelInitializer: init(seed, ++offset), name: `${name}_${layerName}`, ...extra });
  const deconv = (filters: number, layerName: string) =>
    tf.layers.conv2dTranspose({ filters, kernelSize: 4, strides: 2, padding: 'same', useBias: !batchNorm, kernelInitializer: init(seed, ++offset), name: `${name}_${layerName}` });
  const norm = (h: tf.SymbolicTensor, layerName: string): tf.SymbolicTensor =>
    batchNorm ? apply(tf.layers.batchNormalization({ momentum: 0.9, name: `${name}_${layerName}` }), h) : h;
  const lrelu = (h: tf.SymbolicTensor, layerName: string) => apply(tf.layers.leakyReLU({ alpha: 0.2, name: `${name}_${layerName}` }), h);
  const relu = (h: tf.SymbolicTensor, layerName: string) => apply(tf.layers.reLU({ name: `${name}_${layerName}` }), h);
  const concat = (parts: tf.SymbolicTensor[], layerName: string) => apply(tf.layers.concatenate({ axis: -1, name: `${name}_${layerName}` }), parts);

  const source = tf.input({ shape: [...TRANSLATOR_IMAGE_SHAPE], name: `${name}_source` });
  const e1 = lrelu(apply(conv(w, 4, 2, 'e1', { useBias: true }), source), 'e1_lrelu');
  const e2 = lrelu(norm(apply(conv(2 * w, 4, 2, 'e2'), e1), 'e2_bn'), 'e2_lrelu');
  const bottleneck = relu(norm(apply(conv(2 * w, 3, 1, 'bottleneck'), e2), 'bottleneck_bn'), 'bottleneck_relu');
  const d1 = relu(norm(apply(deconv(w, 'd1'), concat([bottleneck, e2], 'skip2')), 'd1_bn'), 'd1_relu');
  const d2 = relu(norm(apply(deconv(Math.max(1, w / 2), 'd2'), concat([d1, e1], 'skip1')), 'd2_bn'), 'd2_relu');
  const out = apply(conv(1, 3, 1, 'out', { useBias: true, activation: 'tanh' }), concat([d2, source], 'skip0'));
  return tf.model({ inputs: source, outputs: out, name: `${name}_generator` });
}

/**
 * PatchGAN discriminator (no batch statistics): conv w, 4×4, s2 → LeakyReLU 0.2 (14×14) → conv 2w, 4×4, s2 →
 * LeakyReLU 0.2 (7×7) → conv 1, 3×3 → a 7×7 grid of raw patch scores, each seeing an 18×18 window. `layers: 3` adds
 * conv 4w, 4×4, s2 → LeakyReLU (4×4) before the scores, so each of the 4×4 scores sees the whole image.
 * `conditional`: it judges (source, image) pairs, concatenated on channels (pix2pix); otherwise single images (CycleGAN).
 */
export function buildPatchDiscriminator(options: TranslatorNetOptions & { conditional?: boolean; layers?: number } = {}): tf.LayersModel {
  const { seed, width: w = TRANSLATOR_WIDTH, name = 'patch', conditional = false, layers = 2 } = options;
  let offset = 50;
  const conv = (filters: number, kernelSize: number, strides: number, layerName: string) =>
    tf.layers.conv2d({ filters, kernelSize, strides, padding: 'same', kernelInitializer: init(seed, ++offset), name: `${name}_${layerName}` });
  const image = tf.input({ shape: [...TRANSLATOR_IMAGE_SHAPE], name: `${name}_image` });
  const source = conditional ? tf.input({ shape: [...TRANSLATOR_IMAGE_SHAPE], name: `${name}_source` }) : undefined;
  let h = source === undefined ? image : apply(tf.layers.concatenate({ axis: -1, name: `${name}_pair` }), [source, image]);
  h = apply(tf.layers.leakyReLU({ alpha: 0.2, name: `${name}_lrelu1` }), apply(conv(w, 4, 2, 'conv1'), h));
  h = apply(tf.layers.leakyReLU({ alpha: 0.2, name: `${name}_lrelu2` }), apply(conv(2 * w, 4, 2, 'conv2'), h));
  // A third strided layer (4×4 scores) widens each score's window past the whole 28×28 image: a global judge of shape.
  if (layers >= 3) h = apply(tf.layers.leakyReLU({ alpha: 0.2, name: `${name}_lrelu3` }), apply(conv(4 * w, 4, 2, 'conv3'), h));
  const scores = apply(conv(1, 3, 1, 'scores'), h);
  return tf.model({ inputs: source === undefined ? image : [source, image], outputs: scores, name: `${name}_discriminator` });
}

