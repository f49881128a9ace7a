import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../random/rng.js';
import { registerZeroComparisonGradients } from '../regularizers/zero-comparison-gradients.js';
import { leakyReluGradient, registerFastLeakyReluGradient, stockLeakyReluGradient } from './leaky-relu-gradient.js';
import { selectBackend } from './select-backend.js';

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

describe('LeakyRelu gradient via Step', () => {
  let stock: tf.GradConfig;
  beforeAll(async () => {
    await selectBackend('wasm');
    // tfjs's own gradient needs Greater's (zero) gradient for second order; ours does not.
    registerZeroComparisonGradients();
    registerFastLeakyReluGradient();
    stock = stockLeakyReluGradient()!;
    expect(stock).toBeDefined();
    expect(stock).not.toBe(leakyReluGradient);
  });
  afterAll(() => registerFastLeakyReluGradient());

  const rng = new Rng(5);
  const x = rng.normals(4 * 5 * 5 * 3);
  const w = rng.normals(3);
  const c = rng.normals(4 * 5 * 5 * 3);
  // First order (d/dx) and second order (d/dw of ‖d/dx‖², as a gradient penalty takes it).
  const run = (): Float32Array => {
    const out = tf.tidy(() => {
      const xs = tf.tensor4d(x, [4, 5, 5, 3]);
      const cs = tf.tensor4d(c, [4, 5, 5, 3]);
      const f = (input: tf.Tensor, weights: tf.Tensor): tf.Scalar => tf.sum(tf.mul(tf.leakyRelu(tf.mul(input, weights), 0.2), cs));
      const first = tf.grad((input: tf.Tensor) => f(input, tf.tensor1d(w)))(xs);
      const second = tf.grad((weights: tf.Tensor) => tf.sum(tf.square(tf.grad((input: tf.Tensor) => f(input, weights))(xs))))(tf.tensor1d(w));
      return tf.concat([tf.reshape(first, [-1]), second]);
    });
    const values = out.dataSync() as Float32Array;
    out.dispose();
    return values;
  };

  for (const backend of ['cpu', 'wasm']) {
    it(`matches tfjs's gradient on ${backend}, first and second order`, async () => {
      await tf.setBackend(backend);
      tf.registerGradient(stock);
      const expected = run();
      registerFastLeakyReluGradient();
      const actual = run();
      expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-4);
    });
  }
});
