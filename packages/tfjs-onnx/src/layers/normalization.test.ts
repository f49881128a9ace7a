import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { TOLERANCE, expectSequentialParity } from '../../test-support/expect-parity.js';
import { randomizeWeights, runOnnx, tf, tfl, useCpuBackend } from '../../test-support/parity.js';
import { convertLayersModel } from '../index.js';

describe('BatchNormalization', () => {
  it('after Dense (2-D, default flags)', async () => {
    await expectSequentialParity('BN dense', [tfl.layers.dense({ inputShape: [5], units: 6 }), tfl.layers.batchNormalization({ epsilon: 0.01 })]);
  });

  for (const [center, scale] of [
    [false, true],
    [true, false],
    [false, false],
  ] as const) {
    it(`after Conv2D (center ${center}, scale ${scale})`, async () => {
      await expectSequentialParity(`BN conv center=${center} scale=${scale}`, [
        tfl.layers.conv2d({ inputShape: [6, 6, 3], filters: 4, kernelSize: 3, padding: 'same' }),
        tfl.layers.batchNormalization({ center, scale }),
        tfl.layers.flatten(),
      ]);
    });
  }

  it('on the input image directly (axis -1)', async () => {
    await expectSequentialParity('BN on input', [tfl.layers.batchNormalization({ inputShape: [4, 4, 3] })]);
  });

  // tfjs-backend-cpu's BatchNorm kernel indexes parameters modulo their length (last axis
  // only), so tfjs predict is wrong for other axes; compare with the broadcast formula instead.
  it('on axis 1 of a rank-3 tensor matches the Keras formula', async () => {
    await useCpuBackend();
    const model = tfl.sequential({ layers: [tfl.layers.batchNormalization({ inputShape: [3, 5], axis: 1, epsilon: 0.01 })] });
    randomizeWeights(model);
    const [gamma, beta, mean, variance] = model.getWeights().map((w) => tf.reshape(w, [1, 3, 1]));
    const x = tf.randomNormal([2, 3, 5], 0, 1, 'float32', 3);
    const want = tf.add(tf.mul(tf.div(tf.sub(x, mean!), tf.sqrt(tf.add(variance!, 0.01))), gamma!), beta!).dataSync();
    const { bytes, inputs, outputs } = convertLayersModel(model);
    const got = await runOnnx(bytes, { [inputs[0]!.name]: new ort.Tensor('float32', Float32Array.from(x.dataSync()), [2, 3, 5]) });
    const data = got[outputs[0]!.name]!.data as Float32Array;
    const maxError = Math.max(...Array.from(want, (v, i) => Math.abs(v - data[i]!)));
    console.log(`[parity] BN axis 1 (vs formula): max abs error ${maxError.toExponential(2)}`);
    expect(maxError).toBeLessThanOrEqual(TOLERANCE);
  });

  it('after Conv2DTranspose and between a Dense and a Reshape', async () => {
    await expectSequentialParity('BN deconv', [
      tfl.layers.dense({ inputShape: [4], units: 3 * 3 * 5 }),
      tfl.layers.batchNormalization(),
      tfl.layers.reshape({ targetShape: [3, 3, 5] }),
      tfl.layers.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same' }),
      tfl.layers.batchNormalization(),
    ]);
  });
});

describe('LayerNormalization', () => {
  it('last axis, opset 17 and decomposed at opset 13', async () => {
    const layers = () => [tfl.layers.dense({ inputShape: [3, 6], units: 8 }), tfl.layers.layerNormalization({ epsilon: 1e-3 })];
    await expectSequentialParity('LayerNorm opset17', layers());
    await expectSequentialParity('LayerNorm opset13', layers(), { opset: 13 });
  });

  it('after a conv (channels-first tensor goes back to tfjs order)', async () => {
    await expectSequentialParity('LayerNorm after conv', [
      tfl.layers.conv2d({ inputShape: [5, 5, 2], filters: 4, kernelSize: 3, padding: 'same' }),
      tfl.layers.layerNormalization({ center: false }),
    ]);
  });
});
