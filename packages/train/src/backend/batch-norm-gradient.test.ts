import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../random/rng.js';
import { fusedBatchNormGradient, registerFastBatchNormGradient, stockBatchNormGradient } from './batch-norm-gradient.js';
import { selectBackend } from './select-backend.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

describe('FusedBatchNorm gradient without Tile', () => {
  // tf.batchNorm always hands the kernel a 4-D x (a dense layer's [B, C] arrives as [B, 1, 1, C]).
  for (const shape of [[4, 3, 3, 5], [6, 1, 1, 7], [2, 5, 4, 3]]) {
    it(`matches tfjs's gradient on random inputs of shape [${shape}]`, () => {
      const stock = stockBatchNormGradient();
      expect(stock).toBeDefined();
      const rng = new Rng(shape.length * 7 + shape[0]!);
      const channels = shape[shape.length - 1]!;
      const random = (s: number[]): tf.Tensor => tf.tensor(rng.normals(s.reduce((a, b) => a * b, 1)), s);
      const x = random(shape);
      const dy = random(shape);
      const mean = random([channels]);
      const variance = tf.abs(random([channels]));
      const scale = random([channels]);
      const attrs = { varianceEpsilon: 1e-3 } as unknown as tf.NamedAttrMap;
      const ours = fusedBatchNormGradient.gradFunc(dy, [x, mean, variance, scale], attrs);
      const theirs = stock!.gradFunc(dy, [x, mean, variance, scale], attrs);
      for (const name of ['x', 'mean', 'variance', 'scale', 'offset']) {
        const a = ours[name]!();
        const b = theirs[name]!();
        expect(a.shape, name).toEqual(b.shape);
        const diff = tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!;
        expect(diff, name).toBeLessThan(1e-5);
      }
    });
  }

  it('is what tf.grad uses after registration, and registering twice is harmless', () => {
    registerFastBatchNormGradient();
    registerFastBatchNormGradient();
    expect(tf.getGradient('FusedBatchNorm')).toBe(fusedBatchNormGradient);
    expect(stockBatchNormGradient()).toBeDefined();
    expect(stockBatchNormGradient()).not.toBe(fusedBatchNormGradient);
  });
});
