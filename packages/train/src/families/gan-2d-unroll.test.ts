import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { unrolledWeights } from './gan-2d-unroll.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('unrolledWeights', () => {
  // L_D(w) = (w − x)², one weight: each SGD step is w ← w − 2η(w − x), so after k steps
  // w_k = x + (1 − 2η)^k (w0 − x) and ∂w_k/∂x = 1 − (1 − 2η)^k: the gradient flows through the unroll.
  it('takes k gradient steps and differentiates through them', () => {
    const w0 = tf.scalar(3);
    const eta = 0.1;
    const final = (x: tf.Tensor): tf.Tensor => unrolledWeights([w0], { steps: 3, learningRate: eta }, (w) => tf.square(tf.sub(w[0]!, x)) as tf.Scalar)[0]!;
    const x = tf.scalar(1);
    expect(final(x).dataSync()[0]).toBeCloseTo(1 + 0.8 ** 3 * 2, 5);
    expect(tf.grad(final)(x).dataSync()[0]).toBeCloseTo(1 - 0.8 ** 3, 5);
  });

  it('returns the start weights for zero steps', () => {
    const w0 = tf.scalar(3);
    expect(unrolledWeights([w0], { steps: 0, learningRate: 0.1 }, () => tf.scalar(0))[0]).toBe(w0);
  });
});
