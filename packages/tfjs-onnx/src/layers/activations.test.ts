import { describe, it } from 'vitest';
import { expectSequentialParity } from '../../test-support/expect-parity.js';
import { tfl } from '../../test-support/parity.js';

const conv = () => tfl.layers.conv2d({ inputShape: [5, 5, 2], filters: 3, kernelSize: 3, padding: 'same' });

describe('activation layers', () => {
  const cases: [string, () => tfl.layers.Layer][] = [
    ['ReLU', () => tfl.layers.reLU()],
    ['ReLU maxValue', () => tfl.layers.reLU({ maxValue: 0.3 })],
    ['LeakyReLU', () => tfl.layers.leakyReLU({ alpha: 0.2 })],
    ['LeakyReLU default', () => tfl.layers.leakyReLU()],
    ['ELU', () => tfl.layers.elu()],
    ['ThresholdedReLU', () => tfl.layers.thresholdedReLU({ theta: 0.1 })],
    ['PReLU', () => tfl.layers.prelu({ alphaInitializer: 'randomNormal' })],
    ['PReLU shared', () => tfl.layers.prelu({ sharedAxes: [1, 2] })],
    ['Activation elu', () => tfl.layers.activation({ activation: 'elu' })],
    ['Activation softmax', () => tfl.layers.activation({ activation: 'softmax' })],
  ];
  for (const [label, make] of cases) {
    it(`${label} on a conv output (channels-first)`, async () => {
      await expectSequentialParity(label, [conv(), make()]);
    });
  }

  it('Softmax layer on a rank-2 tensor (tfjs default axis 1) and last axis of a conv output', async () => {
    await expectSequentialParity('Softmax 2-D', [tfl.layers.dense({ inputShape: [4], units: 5 }), tfl.layers.softmax()]);
    await expectSequentialParity('Softmax conv', [conv(), tfl.layers.softmax({ axis: -1 })]);
  });
});
