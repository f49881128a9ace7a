import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SpectralNorm } from './spectral-norm-2d.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('SpectralNorm', () => {
  it('divides each kernel by its largest singular value after a few power iterations', () => {
    // diag(3, 1) rotated: singular values 3 and 1.
    const c = Math.cos(0.3);
    const s = Math.sin(0.3);
    const kernel = tf.matMul(tf.tensor2d([[c, -s], [s, c]]), tf.tensor2d([[3, 0], [0, 1]]));
    const weights = [kernel, tf.tensor1d([5, 5])];
    const norm = new SpectralNorm(weights, 1);
    for (let i = 0; i < 20; i++) norm.refresh(weights);
    const [normalized, bias] = norm.normalize(weights);
    const largest = tf.tidy(() => tf.norm(tf.matMul(normalized as tf.Tensor2D, tf.tensor2d([[1], [0]]))).dataSync()[0]!);
    expect(largest).toBeCloseTo(1, 4);
    expect(bias).toBe(weights[1]);
    norm.dispose();
  });

  it('leaves the output kernel as it is when that layer is free', () => {
    const hidden = tf.tensor2d([[4, 0], [0, 1]]);
    const output = tf.tensor2d([[7], [1]]);
    const weights = [hidden, tf.zeros([2]), output, tf.zeros([1])];
    const norm = new SpectralNorm(weights, 2, true);
    for (let i = 0; i < 20; i++) norm.refresh(weights);
    const normalized = norm.normalize(weights);
    expect(Array.from(normalized[0]!.dataSync())).toEqual([expect.closeTo(1, 4), 0, 0, expect.closeTo(0.25, 4)]);
    expect(normalized[2]).toBe(output);
    norm.dispose();
  });

  it('lets the gradient reach the kernel only (the singular vectors are constants)', () => {
    const kernel = tf.variable(tf.tensor2d([[2, 0], [0, 1]]));
    const norm = new SpectralNorm([kernel, tf.zeros([2])], 3);
    for (let i = 0; i < 10; i++) norm.refresh([kernel, tf.zeros([2])]);
    const { grads } = tf.variableGrads(() => tf.sum(norm.normalize([kernel, tf.zeros([2])])[0]!) as tf.Scalar, [kernel]);
    expect(grads[kernel.name]!.shape).toEqual([2, 2]);
    expect(Array.from(grads[kernel.name]!.dataSync()).every(Number.isFinite)).toBe(true);
    norm.dispose();
  });
});
