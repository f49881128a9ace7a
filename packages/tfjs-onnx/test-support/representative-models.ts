/** A set of models that together use every registered layer class and every activation. */
import type { ConvertOptions } from '../src/index.js';
import { conditionalBatchNormalization, pixelNormalization, selfAttention2D, spectralNormalization } from '../src/index.js';
import { dcganDiscriminator, dcganGenerator, vaeDecoder, vaeEncoder } from './architectures.js';
import { tfl } from './parity.js';

export interface RepresentativeModel {
  label: string;
  build: () => tfl.LayersModel;
  options?: ConvertOptions;
}

const ACTIVATIONS = ['relu', 'sigmoid', 'tanh', 'softmax', 'elu', 'selu', 'softplus', 'softsign', 'relu6', 'hardSigmoid', 'swish', 'mish', 'gelu', 'gelu_new', 'logSoftmax'];
const seq = (layers: tfl.layers.Layer[]) => () => tfl.sequential({ layers });

function merges(): tfl.LayersModel {
  const a = tfl.input({ shape: [4, 4, 3] });
  const b = tfl.input({ shape: [4, 4, 3] });
  const merged = [tfl.layers.add(), tfl.layers.multiply(), tfl.layers.average(), tfl.layers.maximum(), tfl.layers.minimum(), tfl.layers.concatenate()].map(
    (layer) => layer.apply([a, b]) as tfl.SymbolicTensor,
  );
  const joined = tfl.layers.concatenate({ axis: -1 }).apply(merged) as tfl.SymbolicTensor;
  return tfl.model({ inputs: [a, b], outputs: tfl.layers.conv2d({ filters: 2, kernelSize: 1 }).apply(joined) as tfl.SymbolicTensor });
}

/** Dot over every input-rank combination (Unsqueeze, Transpose, MatMul, Squeeze) and with normalize (ReduceSumSquare, Max, Sqrt, Div). */
function dots(): tfl.LayersModel {
  const a = tfl.input({ shape: [3, 5] });
  const b = tfl.input({ shape: [4, 5] });
  const v = tfl.input({ shape: [5] });
  const outputs = [
    tfl.layers.dot({ axes: -1 }).apply([a, b]),
    tfl.layers.dot({ axes: [2, 1], normalize: true }).apply([a, v]),
    tfl.layers.dot({ axes: [1, 2] }).apply([v, b]),
    tfl.layers.dot({ axes: 1, normalize: true }).apply([v, v]),
  ] as tfl.SymbolicTensor[];
  return tfl.model({ inputs: [a, b, v], outputs });
}

function conditioned(): tfl.LayersModel {
  const image = tfl.input({ shape: [6, 6, 3] });
  const label = tfl.input({ shape: [4] });
  const ids = tfl.input({ shape: [1] });
  const h = tfl.layers.conv2d({ filters: 5, kernelSize: 3, padding: 'same' }).apply(image) as tfl.SymbolicTensor;
  const n = conditionalBatchNormalization({}).apply([h, label]) as tfl.SymbolicTensor;
  const embedded = tfl.layers.flatten().apply(tfl.layers.embedding({ inputDim: 10, outputDim: 5 }).apply(ids)) as tfl.SymbolicTensor;
  const flat = tfl.layers.globalAveragePooling2d({}).apply(n) as tfl.SymbolicTensor;
  const e = conditionalBatchNormalization({ conditioning: 'embedding' }).apply([flat, embedded]) as tfl.SymbolicTensor;
  return tfl.model({ inputs: [image, label, ids], outputs: e });
}

/** Models that exercise every converter (and the layouts, opsets and weight types that change what is emitted). */
export const representativeModels: RepresentativeModel[] = [
  { label: 'DCGAN G', build: dcganGenerator },
  { label: 'DCGAN G naive fp16 opset 13', build: dcganGenerator, options: { layout: 'naive', weightType: 'float16', opset: 13 } },
  { label: 'DCGAN G unoptimized', build: dcganGenerator, options: { optimize: false } },
  { label: 'DCGAN D', build: dcganDiscriminator },
  { label: 'DCGAN D NHWC', build: dcganDiscriminator, options: { imageLayout: 'NHWC' } },
  { label: 'VAE encoder', build: () => vaeEncoder() },
  { label: 'VAE decoder', build: () => vaeDecoder() },
  {
    label: 'activations',
    build: seq([tfl.layers.dense({ inputShape: [6], units: 5 }), ...ACTIVATIONS.map((activation) => tfl.layers.activation({ activation: activation as never }))]),
  },
  {
    label: 'advanced activations and core',
    build: seq([
      tfl.layers.dense({ inputShape: [3, 4], units: 6, useBias: true }),
      tfl.layers.reLU({ maxValue: 2 }),
      tfl.layers.leakyReLU(),
      tfl.layers.elu(),
      tfl.layers.thresholdedReLU(),
      tfl.layers.prelu(),
      tfl.layers.softmax(),
      tfl.layers.dropout({ rate: 0.5 }),
      tfl.layers.alphaDropout({ rate: 0.1 }),
      tfl.layers.gaussianDropout({ rate: 0.1 }),
      tfl.layers.gaussianNoise({ stddev: 0.1 }),
      tfl.layers.spatialDropout1d({ rate: 0.1 }),
      tfl.layers.permute({ dims: [2, 1] }),
      tfl.layers.flatten(),
      tfl.layers.repeatVector({ n: 3 }),
      tfl.layers.reshape({ targetShape: [3, 9, 2] }),
      tfl.layers.flatten(),
    ]),
  },
  {
    label: 'conv 1D/3D and 1D pooling',
    build: () => {
      const a = tfl.input({ shape: [12, 3] });
      const b = tfl.input({ shape: [4, 5, 6, 2] });
      let x = tfl.layers.conv1d({ filters: 4, kernelSize: 3, padding: 'same', dilationRate: 2 }).apply(a) as tfl.SymbolicTensor;
      x = tfl.layers.maxPooling1d({ poolSize: 2 }).apply(x) as tfl.SymbolicTensor;
      x = tfl.layers.averagePooling1d({ poolSize: 2, padding: 'same' }).apply(x) as tfl.SymbolicTensor;
      const g1 = tfl.layers.globalMaxPooling1d({}).apply(x) as tfl.SymbolicTensor;
      const g2 = tfl.layers.globalAveragePooling1d({}).apply(x) as tfl.SymbolicTensor;
      const y = tfl.layers.conv3d({ filters: 3, kernelSize: 2, strides: 2, padding: 'same' }).apply(b) as tfl.SymbolicTensor;
      return tfl.model({ inputs: [a, b], outputs: [g1, g2, y] });
    },
  },
  {
    label: 'spatial 2D',
    build: seq([
      tfl.layers.zeroPadding2d({ inputShape: [7, 6, 3], padding: [[1, 2], [0, 1]] }),
      tfl.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2 }),
      tfl.layers.separableConv2d({ filters: 4, kernelSize: 3, padding: 'same' }),
      tfl.layers.maxPooling2d({ poolSize: 2, padding: 'same' }),
      tfl.layers.upSampling2d({ size: [2, 3] }),
      tfl.layers.upSampling2d({ size: [2, 1], interpolation: 'bilinear' }),
      tfl.layers.cropping2D({ cropping: [[1, 0], [2, 1]] }),
      tfl.layers.averagePooling2d({ poolSize: 3, strides: 2 }),
      tfl.layers.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'valid' }),
      tfl.layers.batchNormalization(),
      tfl.layers.globalMaxPooling2d({}),
    ]),
  },
  {
    label: 'layer normalization (opset 17 and decomposed)',
    build: seq([tfl.layers.dense({ inputShape: [3, 4], units: 6 }), tfl.layers.layerNormalization()]),
  },
  { label: 'layer normalization opset 13', build: seq([tfl.layers.dense({ inputShape: [3, 4], units: 6 }), tfl.layers.layerNormalization()]), options: { opset: 13 } },
  { label: 'merges', build: merges },
  { label: 'dot', build: dots },
  { label: 'dot opset 13', build: dots, options: { opset: 13 } },
  {
    label: 'zoo layers',
    build: seq([
      spectralNormalization({ layer: tfl.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same' }), inputShape: [5, 4, 3] }),
      pixelNormalization(),
      selfAttention2D(),
      tfl.layers.flatten(),
      spectralNormalization({ layer: tfl.layers.dense({ units: 3 }) }),
    ]),
  },
  { label: 'pixel normalization opset 13', build: seq([pixelNormalization({ inputShape: [2, 2, 5] })]), options: { opset: 13 } },
  { label: 'conditional batch normalization', build: conditioned },
];
