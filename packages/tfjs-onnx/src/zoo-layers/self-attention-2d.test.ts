import { describe, expect, it } from 'vitest';
import { expectModelParity, expectSequentialParity } from '../../test-support/expect-parity.js';
import { tf, tfl, useCpuBackend } from '../../test-support/parity.js';
import { selfAttention2D } from '../index.js';

describe('SelfAttention2D', () => {
  it('between convs: parity, one Transpose for the attention product', async () => {
    const result = await expectSequentialParity('SelfAttention2D', [
      tfl.layers.conv2d({ inputShape: [6, 5, 3], filters: 16, kernelSize: 3, padding: 'same' }),
      selfAttention2D(),
      tfl.layers.conv2d({ filters: 2, kernelSize: 3, padding: 'same' }),
    ]);
    expect(result.conversion.report.transposes).toBe(1);
    expect(result.conversion.report.nodesByType['Softmax']).toBe(1);
  });

  it('without biases, explicit key channels, NHWC boundary, opset 13', async () => {
    const image = tfl.input({ shape: [4, 4, 8] });
    const attended = selfAttention2D({ keyChannels: 3, useBias: false }).apply(image) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: image, outputs: attended });
    await expectModelParity('SelfAttention2D no bias', model, { imageLayout: 'NHWC', opset: 13 });
  });

  it('starts as the identity (γ = 0) and learns with fit', async () => {
    await useCpuBackend();
    const model = tfl.sequential({ layers: [selfAttention2D({ inputShape: [4, 4, 8] })] });
    const x = tf.randomNormal([6, 4, 4, 8], 0, 1, 'float32', 1);
    expect(tf.max(tf.abs(tf.sub(model.predict(x) as tf.Tensor, x))).dataSync()[0]).toBe(0);
    model.compile({ optimizer: tf.train.adam(0.05), loss: 'meanSquaredError' });
    const target = tf.reverse(x, 1);
    const history = await model.fit(x, target, { epochs: 6, batchSize: 6, verbose: 0 });
    const losses = history.history['loss'] as number[];
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]!);
    expect(model.getWeights().at(-1)!.dataSync()[0]).not.toBe(0);
    expect(model.getConfig()).toMatchObject({ layers: [{ className: 'SelfAttention2D', config: { keyChannels: null, useBias: true } }] });
  });
});
