import { describe, it } from 'vitest';
import { expectModelParity, expectSequentialParity } from '../../test-support/expect-parity.js';
import { tf, tfl } from '../../test-support/parity.js';

const conv = (size = 7) => tfl.layers.conv2d({ inputShape: [size, size + 1, 2], filters: 3, kernelSize: 3, padding: 'same' });

describe('pooling', () => {
  for (const padding of ['same', 'valid'] as const) {
    it(`Max/AveragePooling2D ${padding}`, async () => {
      await expectSequentialParity(`MaxPooling2D ${padding}`, [conv(), tfl.layers.maxPooling2d({ poolSize: 3, strides: 2, padding })]);
      await expectSequentialParity(`AveragePooling2D ${padding}`, [conv(), tfl.layers.averagePooling2d({ poolSize: 3, strides: 2, padding })]);
    });
  }

  it('pooling with default strides, 1-D pooling', async () => {
    await expectSequentialParity('MaxPooling2D default', [conv(8), tfl.layers.maxPooling2d({ poolSize: 2 })]);
    await expectSequentialParity('1-D pooling', [
      tfl.layers.conv1d({ inputShape: [9, 2], filters: 3, kernelSize: 2 }),
      tfl.layers.averagePooling1d({ poolSize: 2, padding: 'same' }),
      tfl.layers.maxPooling1d({ poolSize: 2 }),
    ]);
  });

  it('GlobalAverage/MaxPooling2D and 1D', async () => {
    await expectSequentialParity('GlobalAveragePooling2D', [conv(), tfl.layers.globalAveragePooling2d({}), tfl.layers.dense({ units: 2 })]);
    await expectSequentialParity('GlobalMaxPooling2D', [conv(), tfl.layers.globalMaxPooling2d({})]);
    await expectSequentialParity('GlobalAveragePooling1D', [tfl.layers.globalAveragePooling1d({ inputShape: [5, 3] })]);
  });
});

describe('padding, cropping, upsampling', () => {
  it('ZeroPadding2D and Cropping2D', async () => {
    await expectSequentialParity('ZeroPadding2D', [conv(), tfl.layers.zeroPadding2d({ padding: [[1, 2], [0, 3]] })]);
    await expectSequentialParity('ZeroPadding2D default', [tfl.layers.zeroPadding2d({ inputShape: [3, 3, 2] })]);
    await expectSequentialParity('Cropping2D', [conv(), tfl.layers.cropping2D({ cropping: [[1, 2], [2, 0]] })]);
  });

  for (const interpolation of ['nearest', 'bilinear'] as const) {
    it(`UpSampling2D ${interpolation}`, async () => {
      await expectSequentialParity(`UpSampling2D ${interpolation}`, [conv(5), tfl.layers.upSampling2d({ size: [2, 3], interpolation })]);
    });
  }
});

describe('merge layers', () => {
  const build = (merge: (xs: tfl.SymbolicTensor[]) => tfl.SymbolicTensor) => {
    const image = tfl.input({ shape: [6, 6, 2] });
    const a = tfl.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same' }).apply(image) as tfl.SymbolicTensor;
    const b = tfl.layers.conv2d({ filters: 4, kernelSize: 1 }).apply(image) as tfl.SymbolicTensor;
    return tfl.model({ inputs: image, outputs: merge([a, b]) });
  };
  const cases: [string, (xs: tfl.SymbolicTensor[]) => tfl.SymbolicTensor][] = [
    ['Add', (xs) => tfl.layers.add().apply(xs) as tfl.SymbolicTensor],
    ['Multiply', (xs) => tfl.layers.multiply().apply(xs) as tfl.SymbolicTensor],
    ['Average', (xs) => tfl.layers.average().apply(xs) as tfl.SymbolicTensor],
    ['Maximum', (xs) => tfl.layers.maximum().apply(xs) as tfl.SymbolicTensor],
    ['Minimum', (xs) => tfl.layers.minimum().apply(xs) as tfl.SymbolicTensor],
    ['Concatenate channels', (xs) => tfl.layers.concatenate().apply(xs) as tfl.SymbolicTensor],
    ['Concatenate axis 2', (xs) => tfl.layers.concatenate({ axis: 2 }).apply(xs) as tfl.SymbolicTensor],
  ];
  for (const [label, merge] of cases) {
    it(`${label} of two conv outputs`, async () => {
      await expectModelParity(label, build(merge));
    });
  }
});

describe('Embedding', () => {
  it('looks up integer-valued float indices', async () => {
    await expectSequentialParity('Embedding', [tfl.layers.embedding({ inputDim: 10, outputDim: 4, inputLength: 3, inputShape: [3] }), tfl.layers.flatten()], {
      makeInput: (shape, i) => tf.floor(tf.randomUniform(shape, 0, 10, 'float32', 11 + i)),
    });
  });
});
