import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { packSamples } from './gan-2d-pack.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('packSamples', () => {
  it('concatenates consecutive groups of m samples into one row', () => {
    const samples = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [4, 2]);
    expect(packSamples(samples, 2).arraySync()).toEqual([[1, 2, 3, 4], [5, 6, 7, 8]]);
    expect(packSamples(samples, 4).shape).toEqual([1, 8]);
    expect(packSamples(samples, 1)).toBe(samples);
  });

  it('passes gradients back to every sample', () => {
    const samples = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const gradient = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(packSamples(x, 2), tf.tensor2d([[1, 2, 3, 4]]))))(samples);
    expect(gradient.arraySync()).toEqual([[1, 2], [3, 4]]);
  });

  it('refuses a batch that does not split into packs', () => {
    expect(() => packSamples(tf.zeros([3, 2]), 2)).toThrow('cannot pack 3 samples in groups of 2');
  });
});
