import { describe, expect, it } from 'vitest';
import { checkParity, logError, randomizeWeights, tfl } from '../../test-support/parity.js';

const TOLERANCE = 1e-4;

async function expectParity(label: string, layers: tfl.layers.Layer[], options: Parameters<typeof checkParity>[1] = {}) {
  const model = tfl.sequential({ layers });
  randomizeWeights(model);
  const result = await checkParity(model, options);
  logError(label, result);
  expect(result.maxError).toBeLessThanOrEqual(TOLERANCE);
  return result;
}

describe('Conv2D', () => {
  for (const [padding, strides, kernelSize, size] of [
    ['same', 1, 3, 7],
    ['same', 2, 3, 7],
    ['same', 2, 4, 8],
    ['valid', 2, 3, 9],
    ['valid', 1, [2, 3], 6],
  ] as const) {
    it(`padding ${padding}, stride ${strides}, kernel ${String(kernelSize)}, input ${size}`, async () => {
      await expectParity(`Conv2D ${padding} s${strides} k${String(kernelSize)} in${size}`, [
        tfl.layers.conv2d({ inputShape: [size, size + 1, 3], filters: 4, kernelSize: kernelSize as never, strides, padding, activation: 'relu' }),
      ]);
    });
  }

  it('dilation 2 (same)', async () => {
    await expectParity('Conv2D dilation 2', [tfl.layers.conv2d({ inputShape: [9, 9, 2], filters: 3, kernelSize: 3, dilationRate: 2, padding: 'same' })]);
  });

  it('NHWC image layout at the boundary', async () => {
    const result = await expectParity(
      'Conv2D NHWC boundary',
      [tfl.layers.conv2d({ inputShape: [6, 6, 2], filters: 3, kernelSize: 3, padding: 'same' })],
      { imageLayout: 'NHWC' },
    );
    expect(result.conversion.inputs[0]!.shape).toEqual(['batch', 6, 6, 2]);
  });
});

describe('Conv2DTranspose', () => {
  for (const [padding, strides, kernelSize, useBias] of [
    ['same', 2, 4, false],
    ['same', 2, 3, true],
    ['same', 2, 5, true],
    ['same', 3, 2, true],
    ['same', 1, 3, true],
    ['valid', 2, 3, true],
    ['valid', 2, 4, true],
    ['valid', 3, 2, true],
    ['valid', 1, 3, true],
  ] as const) {
    it(`padding ${padding}, stride ${strides}, kernel ${kernelSize}`, async () => {
      await expectParity(`Conv2DTranspose ${padding} s${strides} k${kernelSize}`, [
        tfl.layers.conv2dTranspose({ inputShape: [5, 4, 3], filters: 2, kernelSize, strides, padding, useBias }),
      ]);
    });
  }
});

describe('other convolutions', () => {
  it('Conv1D same/valid with dilation', async () => {
    await expectParity('Conv1D chain', [
      tfl.layers.conv1d({ inputShape: [12, 3], filters: 4, kernelSize: 3, padding: 'same' }),
      tfl.layers.conv1d({ filters: 4, kernelSize: 2, dilationRate: 2, padding: 'same', activation: 'tanh' }),
      tfl.layers.conv1d({ filters: 2, kernelSize: 3, strides: 2, padding: 'valid' }),
    ]);
  });

  it('Conv3D', async () => {
    await expectParity('Conv3D', [tfl.layers.conv3d({ inputShape: [4, 5, 6, 2], filters: 3, kernelSize: 3, strides: [1, 2, 2], padding: 'same' })]);
  });

  it('DepthwiseConv2D with multiplier 2', async () => {
    await expectParity('DepthwiseConv2D', [
      tfl.layers.depthwiseConv2d({ inputShape: [7, 7, 3], kernelSize: 3, depthMultiplier: 2, strides: 2, padding: 'same' }),
    ]);
  });

  it('SeparableConv2D', async () => {
    await expectParity('SeparableConv2D', [
      tfl.layers.separableConv2d({ inputShape: [8, 8, 3], filters: 5, kernelSize: 3, depthMultiplier: 2, padding: 'same', activation: 'relu' }),
    ]);
  });

  it('channelsFirst Conv2D', async () => {
    await expectParity('Conv2D channelsFirst', [
      tfl.layers.permute({ inputShape: [6, 6, 2], dims: [3, 1, 2] }),
      tfl.layers.conv2d({ filters: 3, kernelSize: 3, padding: 'same', dataFormat: 'channelsFirst' }),
      tfl.layers.flatten(),
    ]);
  });
});
