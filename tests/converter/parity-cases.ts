/** The models the converter parity suite exports and runs everywhere: the coverage list as code. */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {
  conditionalBatchNormalization,
  pixelNormalization,
  selfAttention2D,
  spectralNormalization,
  type ConvertOptions,
} from '@genzoo/tfjs-onnx';

type T = tfl.SymbolicTensor;
type Head = [label: string, options: string, make: (x: T) => T];

/** How a model input is filled: standard normal, integer ids below n, or one-hot rows of n classes. */
export type InputKind = 'normal' | { ids: number } | { oneHot: number };

/** One row of the coverage table: a label and the options exercised. */
export interface Row {
  label: string;
  options: string;
}

export interface ParityCase {
  id: string;
  section: 'Layers' | 'Genzoo layers' | 'Combinations';
  build(): tfl.LayersModel;
  /** One row per model output, or one row for all outputs. */
  rows: Row[];
  inputs?: InputKind[];
  convert?: ConvertOptions;
  /** Runs after the weights are randomized (e.g. training steps that move internal state). */
  prepare?(model: tfl.LayersModel): void;
}

const apply = (layer: tfl.layers.Layer, x: T | T[]): T => layer.apply(x) as T;
const conv = (filters: number, kernelSize = 3, extra: Partial<Parameters<typeof tfl.layers.conv2d>[0]> = {}) =>
  tfl.layers.conv2d({ filters, kernelSize, padding: 'same', ...extra });

/** A functional model: `stem` on a fresh input, then one output per head. */
function branches(id: string, section: ParityCase['section'], shape: number[], stem: (x: T) => T, heads: Head[], extra: Partial<ParityCase> = {}): ParityCase {
  return {
    id,
    section,
    build: () => {
      const input = tfl.input({ shape, name: 'x' });
      const trunk = stem(input);
      return tfl.model({ name: id, inputs: input, outputs: heads.map(([, , make]) => make(trunk)) });
    },
    rows: heads.map(([label, options]) => ({ label, options })),
    ...extra,
  };
}

/** A Sequential-style chain as a functional model (so the InputLayer is part of the model). */
function chain(id: string, section: ParityCase['section'], row: Row, shape: number[], layers: () => tfl.layers.Layer[], extra: Partial<ParityCase> = {}): ParityCase {
  return {
    id,
    section,
    build: () => {
      const input = tfl.input({ shape, name: 'x' });
      return tfl.model({ name: id, inputs: input, outputs: layers().reduce((x, layer) => apply(layer, x), input as T) });
    },
    rows: [row],
    ...extra,
  };
}

const ACTIVATIONS = ['linear', 'relu', 'relu6', 'sigmoid', 'hardSigmoid', 'tanh', 'elu', 'selu', 'softplus', 'softsign', 'softmax', 'logSoftmax', 'swish', 'mish', 'gelu', 'gelu_new'];

/** DCGAN-style generator: z → Dense → BN → ReLU → Reshape → ConvT → BN → ReLU → ConvT → tanh. */
function smallGenerator(): tfl.LayersModel {
  const z = tfl.input({ shape: [16], name: 'z' });
  let h = apply(tfl.layers.dense({ units: 4 * 4 * 16, useBias: false }), z);
  h = apply(tfl.layers.reLU(), apply(tfl.layers.batchNormalization(), h));
  h = apply(tfl.layers.reshape({ targetShape: [4, 4, 16] }), h);
  h = apply(tfl.layers.conv2dTranspose({ filters: 8, kernelSize: 4, strides: 2, padding: 'same', useBias: false }), h);
  h = apply(tfl.layers.reLU(), apply(tfl.layers.batchNormalization(), h));
  const image = apply(tfl.layers.conv2dTranspose({ filters: 1, kernelSize: 4, strides: 2, padding: 'same', activation: 'tanh' }), h);
  return tfl.model({ name: 'small_generator', inputs: z, outputs: image });
}

/** Conditional generator with every genzoo layer: CBN, SN conv, pixel norm, self-attention. */
export function zooGenerator(): tfl.LayersModel {
  const z = tfl.input({ shape: [12], name: 'z' });
  const label = tfl.input({ shape: [5], name: 'label' });
  let h = apply(pixelNormalization(), z);
  h = apply(tfl.layers.reshape({ targetShape: [4, 4, 8] }), apply(tfl.layers.dense({ units: 4 * 4 * 8 }), h));
  h = apply(tfl.layers.reLU(), apply(conditionalBatchNormalization(), [h, label]));
  h = apply(tfl.layers.upSampling2d({ size: [2, 2] }), h);
  h = apply(spectralNormalization({ layer: conv(16) }), h);
  h = apply(tfl.layers.leakyReLU({ alpha: 0.2 }), apply(pixelNormalization(), h));
  h = apply(selfAttention2D(), h);
  const image = apply(conv(3, 3, { activation: 'tanh' }), h);
  return tfl.model({ name: 'zoo_generator', inputs: [z, label], outputs: image });
}

/** Training calls move SpectralNormalization's `u` away from its initial value. */
function trainSpectralNorm(model: tfl.LayersModel): void {
  const inputs = model.inputs.map((input, i) => tf.randomNormal([4, ...(input.shape.slice(1) as number[])], 0, 1, 'float32', 90 + i));
  for (let step = 0; step < 3; step++) tf.dispose(model.apply(inputs.length === 1 ? inputs[0]! : inputs, { training: true }) as tf.Tensor);
  tf.dispose(inputs);
}

export const LAYER_CASES: ParityCase[] = [
  branches('dense', 'Layers', [6], (x) => x, [
    ['Dense', '5 units, relu', (x) => apply(tfl.layers.dense({ units: 5, activation: 'relu' }), x)],
    ['Dense', '4 units, no bias', (x) => apply(tfl.layers.dense({ units: 4, useBias: false }), x)],
  ]),
  {
    id: 'activations',
    section: 'Layers',
    build: () => {
      const x = tfl.input({ shape: [6], name: 'x' });
      const h = apply(tfl.layers.dense({ units: 8 }), x);
      return tfl.model({ name: 'activations', inputs: x, outputs: ACTIVATIONS.map((activation) => apply(tfl.layers.activation({ activation: activation as never }), h)) });
    },
    rows: [{ label: 'Activation', options: `all ${ACTIVATIONS.length}: ${ACTIVATIONS.join(', ')}` }],
  },
  chain('dropouts', 'Layers', { label: 'Dropout, SpatialDropout1D, GaussianNoise, GaussianDropout, AlphaDropout', options: 'identity at inference, rank-3 Dense' }, [4, 5], () => [
    tfl.layers.dense({ units: 6 }),
    tfl.layers.dropout({ rate: 0.5 }),
    tfl.layers.spatialDropout1d({ rate: 0.3 }),
    tfl.layers.gaussianNoise({ stddev: 1 }),
    tfl.layers.gaussianDropout({ rate: 0.3 }),
    tfl.layers.alphaDropout({ rate: 0.3 }),
  ]),
  chain('reshaping', 'Layers', { label: 'Reshape, Permute, Flatten, RepeatVector', options: 'Dense → [2,3,4] → permute [3,1,2] → flatten → repeat 3 → Dense' }, [8], () => [
    tfl.layers.dense({ units: 24 }),
    tfl.layers.reshape({ targetShape: [2, 3, 4] }),
    tfl.layers.permute({ dims: [3, 1, 2] }),
    tfl.layers.flatten(),
    tfl.layers.repeatVector({ n: 3 }),
    tfl.layers.dense({ units: 2 }),
  ]),
  branches('advanced-activations', 'Layers', [6, 6, 2], (x) => apply(conv(4), x), [
    ['ReLU', 'on a conv output', (x) => apply(tfl.layers.reLU(), x)],
    ['ReLU', 'maxValue 0.5', (x) => apply(tfl.layers.reLU({ maxValue: 0.5 }), x)],
    ['LeakyReLU', 'alpha 0.2', (x) => apply(tfl.layers.leakyReLU({ alpha: 0.2 }), x)],
    ['ELU', 'alpha 1', (x) => apply(tfl.layers.elu(), x)],
    ['ThresholdedReLU', 'theta 0.1', (x) => apply(tfl.layers.thresholdedReLU({ theta: 0.1 }), x)],
    ['PReLU', 'per-element slopes', (x) => apply(tfl.layers.prelu({ alphaInitializer: 'randomNormal' }), x)],
    ['PReLU', 'sharedAxes [1, 2]', (x) => apply(tfl.layers.prelu({ sharedAxes: [1, 2] }), x)],
    ['Softmax', 'channel axis of a conv output', (x) => apply(tfl.layers.softmax({ axis: -1 }), x)],
  ]),
  branches('conv2d', 'Layers', [8, 8, 3], (x) => x, [
    ['Conv2D', 'same, stride 1, 3×3, relu', (x) => apply(conv(4, 3, { activation: 'relu' }), x)],
    ['Conv2D', 'valid, stride 2, 3×3', (x) => apply(tfl.layers.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'valid' }), x)],
    ['Conv2D', 'same, dilation 2, 2×3 kernel', (x) => apply(conv(3, [2, 3] as never, { dilationRate: 2 }), x)],
    ['DepthwiseConv2D', 'multiplier 2, stride 2, same', (x) => apply(tfl.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, strides: 2, padding: 'same' }), x)],
    ['SeparableConv2D', 'multiplier 2, same, relu', (x) => apply(tfl.layers.separableConv2d({ filters: 5, kernelSize: 3, depthMultiplier: 2, padding: 'same', activation: 'relu' }), x)],
  ]),
  branches('conv2d-transpose', 'Layers', [5, 4, 3], (x) => x, [
    ['Conv2DTranspose', 'same, stride 2, 4×4, no bias', (x) => apply(tfl.layers.conv2dTranspose({ filters: 2, kernelSize: 4, strides: 2, padding: 'same', useBias: false }), x)],
    ['Conv2DTranspose', 'valid, stride 2, 3×3', (x) => apply(tfl.layers.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'valid' }), x)],
    ['Conv2DTranspose', 'same, stride 1, 3×3', (x) => apply(tfl.layers.conv2dTranspose({ filters: 2, kernelSize: 3, padding: 'same' }), x)],
  ]),
  chain('conv1d', 'Layers', { label: 'Conv1D', options: 'same → dilation 2 → valid stride 2' }, [12, 3], () => [
    tfl.layers.conv1d({ filters: 4, kernelSize: 3, padding: 'same' }),
    tfl.layers.conv1d({ filters: 4, kernelSize: 2, dilationRate: 2, padding: 'same', activation: 'tanh' }),
    tfl.layers.conv1d({ filters: 2, kernelSize: 3, strides: 2, padding: 'valid' }),
  ]),
  chain('conv3d', 'Layers', { label: 'Conv3D', options: 'same, strides [1, 2, 2]' }, [4, 5, 6, 2], () => [
    tfl.layers.conv3d({ filters: 3, kernelSize: 3, strides: [1, 2, 2], padding: 'same' }),
  ]),
  branches('normalization', 'Layers', [6, 6, 3], (x) => x, [
    ['BatchNormalization', 'after Conv2D (folded into it)', (x) => apply(tfl.layers.batchNormalization(), apply(conv(4), x))],
    ['BatchNormalization', 'on the input image', (x) => apply(tfl.layers.batchNormalization(), x)],
    ['LayerNormalization', 'after Conv2D, last axis', (x) => apply(tfl.layers.layerNormalization({ epsilon: 1e-3 }), apply(conv(4), x))],
  ]),
  branches('normalization-dense', 'Layers', [3, 6], (x) => apply(tfl.layers.dense({ units: 8 }), x), [
    ['LayerNormalization', 'rank-3 Dense output', (x) => apply(tfl.layers.layerNormalization(), x)],
    ['BatchNormalization', 'rank-3 Dense output', (x) => apply(tfl.layers.batchNormalization(), x)],
  ]),
  {
    id: 'merge',
    section: 'Layers',
    build: () => {
      const x = tfl.input({ shape: [6, 6, 2], name: 'x' });
      const pair = [apply(conv(4), x), apply(conv(4, 1), x)];
      const outputs = [tfl.layers.add(), tfl.layers.multiply(), tfl.layers.average(), tfl.layers.maximum(), tfl.layers.minimum(), tfl.layers.concatenate(), tfl.layers.concatenate({ axis: 2 })].map((layer) => apply(layer, pair));
      return tfl.model({ name: 'merge', inputs: x, outputs });
    },
    rows: [
      { label: 'Add', options: 'two conv outputs' },
      { label: 'Multiply', options: 'two conv outputs' },
      { label: 'Average', options: 'two conv outputs' },
      { label: 'Maximum', options: 'two conv outputs' },
      { label: 'Minimum', options: 'two conv outputs' },
      { label: 'Concatenate', options: 'channel axis' },
      { label: 'Concatenate', options: 'width axis' },
    ],
  },
  {
    id: 'dot',
    section: 'Layers',
    build: () => {
      const x = tfl.input({ shape: [4, 6], name: 'x' });
      const pair = [apply(tfl.layers.dense({ units: 5 }), x), apply(tfl.layers.dense({ units: 5 }), x)];
      const outputs = [tfl.layers.dot({ axes: -1 }), tfl.layers.dot({ axes: [1, 1], normalize: true })].map((layer) => apply(layer, pair));
      return tfl.model({ name: 'dot', inputs: x, outputs });
    },
    rows: [
      { label: 'Dot', options: 'axes -1, rank 3 (attention scores)' },
      { label: 'Dot', options: 'axes [1, 1], normalize (cosine over the sequence axis)' },
    ],
  },
  branches('pooling-2d', 'Layers', [7, 8, 2], (x) => apply(conv(3), x), [
    ['MaxPooling2D', 'same, 3×3, stride 2', (x) => apply(tfl.layers.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' }), x)],
    ['AveragePooling2D', 'valid, 3×3, stride 2', (x) => apply(tfl.layers.averagePooling2d({ poolSize: 3, strides: 2, padding: 'valid' }), x)],
    ['AveragePooling2D', 'same, 2×2 (padding excluded from the mean)', (x) => apply(tfl.layers.averagePooling2d({ poolSize: 2, padding: 'same' }), x)],
    ['GlobalMaxPooling2D', '', (x) => apply(tfl.layers.globalMaxPooling2d({}), x)],
    ['GlobalAveragePooling2D', '', (x) => apply(tfl.layers.globalAveragePooling2d({}), x)],
  ]),
  branches('pooling-1d', 'Layers', [9, 2], (x) => apply(tfl.layers.conv1d({ filters: 3, kernelSize: 2 }), x), [
    ['MaxPooling1D', 'pool 2', (x) => apply(tfl.layers.maxPooling1d({ poolSize: 2 }), x)],
    ['AveragePooling1D', 'pool 2, same', (x) => apply(tfl.layers.averagePooling1d({ poolSize: 2, padding: 'same' }), x)],
    ['GlobalMaxPooling1D', '', (x) => apply(tfl.layers.globalMaxPooling1d({}), x)],
    ['GlobalAveragePooling1D', '', (x) => apply(tfl.layers.globalAveragePooling1d({}), x)],
  ]),
  branches('spatial', 'Layers', [5, 6, 2], (x) => apply(conv(3), x), [
    ['ZeroPadding2D', '[[1, 2], [0, 3]]', (x) => apply(tfl.layers.zeroPadding2d({ padding: [[1, 2], [0, 3]] }), x)],
    ['Cropping2D', '[[1, 2], [2, 0]]', (x) => apply(tfl.layers.cropping2D({ cropping: [[1, 2], [2, 0]] }), x)],
    ['UpSampling2D', 'nearest, size [2, 3]', (x) => apply(tfl.layers.upSampling2d({ size: [2, 3] }), x)],
    ['UpSampling2D', 'bilinear, size [2, 2]', (x) => apply(tfl.layers.upSampling2d({ size: [2, 2], interpolation: 'bilinear' }), x)],
  ]),
  chain('embedding', 'Layers', { label: 'Embedding', options: '10 × 4 table, float ids' }, [3], () => [tfl.layers.embedding({ inputDim: 10, outputDim: 4 }), tfl.layers.flatten()], {
    inputs: [{ ids: 10 }],
  }),
];

export const ZOO_CASES: ParityCase[] = [
  chain('sn-dense', 'Genzoo layers', { label: 'SpectralNormalization', options: 'wrapping Dense (relu), after 3 training steps' }, [6], () => [spectralNormalization({ layer: tfl.layers.dense({ units: 5, activation: 'relu' }) })], {
    prepare: trainSpectralNorm,
  }),
  chain('sn-conv', 'Genzoo layers', { label: 'SpectralNormalization', options: 'wrapping Conv2D (stride 2) and Conv2D (2 power iterations)' }, [7, 7, 3], () => [
    spectralNormalization({ layer: tfl.layers.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same' }) }),
    tfl.layers.leakyReLU({ alpha: 0.2 }),
    spectralNormalization({ layer: tfl.layers.conv2d({ filters: 2, kernelSize: 2, useBias: false }), powerIterations: 2 }),
  ], { prepare: trainSpectralNorm }),
  branches('pixel-norm', 'Genzoo layers', [5, 5, 3], (x) => x, [
    ['PixelNormalization', 'after Conv2D (channel axis of NCHW)', (x) => apply(pixelNormalization(), apply(conv(6), x))],
  ]),
  chain('pixel-norm-latent', 'Genzoo layers', { label: 'PixelNormalization', options: 'latent vector, epsilon 1e-4' }, [16], () => [pixelNormalization({ epsilon: 1e-4 }), tfl.layers.dense({ units: 4 })]),
  {
    id: 'cbn-onehot',
    section: 'Genzoo layers',
    build: () => {
      const image = tfl.input({ shape: [6, 6, 3], name: 'image' });
      const label = tfl.input({ shape: [4], name: 'label' });
      const h = apply(conditionalBatchNormalization(), [apply(conv(5), image), label]);
      return tfl.model({ name: 'cbn_onehot', inputs: [image, label], outputs: apply(conv(2, 1), apply(tfl.layers.reLU(), h)) });
    },
    rows: [{ label: 'ConditionalBatchNormalization', options: 'one-hot classes, after Conv2D' }],
    inputs: ['normal', { oneHot: 4 }],
  },
  {
    id: 'cbn-embedding',
    section: 'Genzoo layers',
    build: () => {
      const z = tfl.input({ shape: [8], name: 'z' });
      const label = tfl.input({ shape: [1], name: 'label' });
      const embedded = apply(tfl.layers.flatten(), apply(tfl.layers.embedding({ inputDim: 10, outputDim: 6 }), label));
      const h = apply(conditionalBatchNormalization({ conditioning: 'embedding' }), [apply(tfl.layers.dense({ units: 12 }), z), embedded]);
      return tfl.model({ name: 'cbn_embedding', inputs: [z, label], outputs: h });
    },
    rows: [{ label: 'ConditionalBatchNormalization', options: 'class ids → Embedding (embedding conditioning)' }],
    inputs: ['normal', { ids: 10 }],
  },
  branches('self-attention', 'Genzoo layers', [6, 5, 3], (x) => apply(conv(16), x), [
    ['SelfAttention2D', '16 channels, keys 2, 30 positions', (x) => apply(selfAttention2D(), x)],
  ]),
];

export const COMBINATION_CASES: ParityCase[] = [
  chain('conv-flatten-dense', 'Combinations', { label: 'conv → flatten → dense', options: 'DCGAN discriminator shape' }, [12, 12, 1], () => [
    tfl.layers.conv2d({ filters: 8, kernelSize: 4, strides: 2, padding: 'same' }),
    tfl.layers.leakyReLU({ alpha: 0.2 }),
    tfl.layers.conv2d({ filters: 16, kernelSize: 4, strides: 2, padding: 'same' }),
    tfl.layers.leakyReLU({ alpha: 0.2 }),
    tfl.layers.flatten(),
    tfl.layers.dense({ units: 1 }),
  ]),
  { id: 'dense-reshape-deconv', section: 'Combinations', build: smallGenerator, rows: [{ label: 'dense → reshape → conv-transpose', options: 'DCGAN generator shape, BN folded' }] },
  {
    id: 'dense-reshape-deconv-nhwc',
    section: 'Combinations',
    build: smallGenerator,
    rows: [{ label: 'dense → reshape → conv-transpose', options: 'NHWC image output' }],
    convert: { imageLayout: 'NHWC' },
  },
  {
    id: 'dense-reshape-deconv-fp16',
    section: 'Combinations',
    build: smallGenerator,
    rows: [{ label: 'dense → reshape → conv-transpose', options: 'float16 weights' }],
    convert: { weightType: 'float16' },
  },
  {
    id: 'concat-channels',
    section: 'Combinations',
    build: () => {
      const x = tfl.input({ shape: [6, 6, 3], name: 'x' });
      const a = apply(tfl.layers.reLU(), apply(conv(4), x));
      const b = apply(conv(2, 1), x);
      const joined = apply(tfl.layers.concatenate(), [a, b, x]);
      return tfl.model({ name: 'concat_channels', inputs: x, outputs: apply(conv(3), joined) });
    },
    rows: [{ label: 'concat on the channel axis', options: 'two convs and the input → conv' }],
  },
  chain('upsample-conv', 'Combinations', { label: 'upsample + conv', options: 'nearest ×2 → conv → BN → ReLU → bilinear ×2 → conv' }, [4, 4, 6], () => [
    tfl.layers.upSampling2d({ size: [2, 2] }),
    conv(8),
    tfl.layers.batchNormalization(),
    tfl.layers.reLU(),
    tfl.layers.upSampling2d({ size: [2, 2], interpolation: 'bilinear' }),
    conv(3, 3, { activation: 'tanh' }),
  ]),
  {
    id: 'residual',
    section: 'Combinations',
    build: () => {
      const x = tfl.input({ shape: [8, 8, 6], name: 'x' });
      let h: T = x;
      for (let block = 0; block < 2; block++) {
        const inner = apply(conv(6), apply(tfl.layers.reLU(), apply(tfl.layers.batchNormalization(), apply(conv(6), h))));
        h = apply(tfl.layers.reLU(), apply(tfl.layers.add(), [h, inner]));
      }
      return tfl.model({ name: 'residual', inputs: x, outputs: h });
    },
    rows: [{ label: 'residual adds', options: 'two conv → BN → ReLU → conv blocks with skips' }],
  },
  {
    id: 'shared-layers',
    section: 'Combinations',
    build: () => {
      const a = tfl.input({ shape: [6, 6, 2], name: 'a' });
      const b = tfl.input({ shape: [6, 6, 2], name: 'b' });
      const sharedConv = conv(4, 3, { strides: 2, activation: 'relu' });
      const flatten = tfl.layers.flatten();
      const sharedDense = tfl.layers.dense({ units: 5, activation: 'tanh' });
      const embed = (x: T) => apply(sharedDense, apply(flatten, apply(sharedConv, x)));
      return tfl.model({ name: 'shared_layers', inputs: [a, b], outputs: apply(tfl.layers.concatenate(), [embed(a), embed(b)]) });
    },
    rows: [{ label: 'shared layers', options: 'one Conv2D and one Dense applied to two inputs, concatenated' }],
  },
  {
    id: 'nested-model',
    section: 'Combinations',
    build: () => {
      const encoder = tfl.sequential({
        name: 'encoder',
        layers: [tfl.layers.dense({ inputShape: [6], units: 8, activation: 'relu' }), tfl.layers.dense({ units: 4 })],
      });
      const z = tfl.input({ shape: [6], name: 'z' });
      const label = tfl.input({ shape: [4], name: 'label' });
      const joined = apply(tfl.layers.concatenate(), [apply(encoder, z), label]);
      const out = apply(tfl.layers.dense({ units: 6, activation: 'tanh' }), joined);
      return tfl.model({ name: 'nested_model', inputs: [z, label], outputs: apply(encoder, out) });
    },
    rows: [{ label: 'nested model as a layer', options: 'Sequential applied twice; z ⧺ one-hot label' }],
    inputs: ['normal', { oneHot: 4 }],
  },
  {
    id: 'zoo-generator',
    section: 'Combinations',
    build: zooGenerator,
    rows: [{ label: 'conditional generator with every genzoo layer', options: 'PixelNorm, CBN, upsample, SN conv, self-attention' }],
    inputs: ['normal', { oneHot: 5 }],
    prepare: trainSpectralNorm,
  },
];

/**
 * The opset probe: a small conditional generator with the ops whose ONNX versions changed between opset 13
 * and 21 (ReduceMean, Resize, LayerNormalization from 17, Reshape, Gemm, Conv), exported at each of {@link OPSETS}.
 */
export const OPSET_PROBE: ParityCase = {
  id: 'opset-probe',
  section: 'Combinations',
  build: () => {
    const z = tfl.input({ shape: [12], name: 'z' });
    const label = tfl.input({ shape: [5], name: 'label' });
    let h = apply(tfl.layers.reshape({ targetShape: [4, 4, 8] }), apply(tfl.layers.dense({ units: 4 * 4 * 8 }), apply(pixelNormalization(), z)));
    h = apply(tfl.layers.reLU(), apply(conditionalBatchNormalization(), [h, label]));
    h = apply(tfl.layers.upSampling2d({ size: [2, 2], interpolation: 'bilinear' }), h);
    h = apply(tfl.layers.layerNormalization(), apply(spectralNormalization({ layer: conv(8) }), h));
    const image = apply(conv(3, 3, { activation: 'tanh' }), apply(tfl.layers.leakyReLU({ alpha: 0.2 }), h));
    return tfl.model({ name: 'opset_probe', inputs: [z, label], outputs: image });
  },
  rows: [],
  inputs: ['normal', { oneHot: 5 }],
  prepare: trainSpectralNorm,
};

/** The opsets the probe is exported at: every one the converter targets. */
export const OPSETS = [13, 14, 15, 16, 17, 18, 19, 20, 21];

export const ALL_CASES: ParityCase[] = [...LAYER_CASES, ...ZOO_CASES, ...COMBINATION_CASES];
