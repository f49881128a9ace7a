import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adamState, unrolledAdamWeights, unrolledWeights } from './gan-2d-unroll.js';

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

describe('unrolledAdamWeights', () => {
  it("replays the updates tf.train.adam would make from its current state", () => {
    const x = tf.tensor1d([0.5, -1, 2]);
    const w = tf.variable(tf.tensor1d([1, 2, -3]));
    const loss = (weights: readonly tf.Tensor[]): tf.Scalar => tf.sum(tf.square(tf.sub(tf.mul(weights[0]!, x), 1)));
    const optimizer = tf.train.adam(0.1, 0.5, 0.9);
    optimizer.minimize(() => loss([w]), false, [w]);
    const state = adamState(optimizer, [w]);
    expect(state.beta1Power).toBeCloseTo(0.25, 6);
    const unrolled = unrolledAdamWeights([w], state, 3, loss)[0]!.dataSync();
    for (let i = 0; i < 3; i++) optimizer.minimize(() => loss([w]), false, [w]);
    const trained = w.dataSync();
    unrolled.forEach((value, i) => expect(value).toBeCloseTo(trained[i]!, 5));
  });

  it('starts from zero moments before the first update, and differentiates through the moments', () => {
    const w0 = tf.variable(tf.scalar(3));
    const state = adamState(tf.train.adam(0.1, 0.5, 0.9), [w0]);
    expect(state.firstMoments[0]!.dataSync()[0]).toBe(0);
    const final = (x: tf.Tensor): tf.Tensor => unrolledAdamWeights([w0], state, 2, (w) => tf.square(tf.sub(w[0]!, x)) as tf.Scalar)[0]!;
    const analytic = tf.grad(final)(tf.scalar(1)).dataSync()[0]!;
    const h = 1e-2;
    const numeric = (final(tf.scalar(1 + h)).dataSync()[0]! - final(tf.scalar(1 - h)).dataSync()[0]!) / (2 * h);
    expect(analytic).toBeCloseTo(numeric, 2);
  });

  it('says in one line when the optimizer is not Adam', () => {
    expect(() => adamState(tf.train.rmsprop(0.1), [])).toThrow(/^unrolling Adam needs a tf\.train\.adam optimizer .* got RMSProp$/);
  });
});
