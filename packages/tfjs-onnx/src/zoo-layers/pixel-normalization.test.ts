import { describe, expect, it } from 'vitest';
import { expectSequentialParity } from '../../test-support/expect-parity.js';
import { tf, tfl, useCpuBackend } from '../../test-support/parity.js';
import { pixelNormalization } from '../index.js';

describe('PixelNormalization', () => {
  for (const opset of [13, 18]) {
    it(`after a conv reduces over the channel axis of the NCHW tensor (opset ${opset})`, async () => {
      const result = await expectSequentialParity(`PixelNorm conv opset ${opset}`, [
        tfl.layers.conv2d({ inputShape: [5, 5, 3], filters: 6, kernelSize: 3, padding: 'same' }),
        pixelNormalization(),
        tfl.layers.conv2d({ filters: 2, kernelSize: 1 }),
      ], { opset });
      expect(result.conversion.report.transposes).toBe(0);
      expect(result.conversion.report.nodesByType['ReduceMean']).toBe(1);
    });
  }

  it('on a latent vector (rank 2), with a custom epsilon', async () => {
    await expectSequentialParity('PixelNorm latent', [pixelNormalization({ inputShape: [16], epsilon: 1e-4 }), tfl.layers.dense({ units: 4 })]);
  });

  it('gives unit root-mean-square feature vectors and survives serialization', async () => {
    await useCpuBackend();
    const model = tfl.sequential({ layers: [pixelNormalization({ inputShape: [2, 2, 5] })] });
    const y = model.predict(tf.randomNormal([3, 2, 2, 5], 0, 4, 'float32', 1)) as tf.Tensor;
    const rms = tf.sqrt(tf.mean(tf.square(y), -1)).dataSync();
    for (const v of rms) expect(v).toBeCloseTo(1, 5);
    const config = model.getConfig() as unknown as { layers: { className: string; config: { epsilon: number } }[] };
    expect(config.layers[0]).toMatchObject({ className: 'PixelNormalization', config: { epsilon: 1e-8 } });
  });
});
