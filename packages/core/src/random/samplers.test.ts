import { describe, expect, it } from 'vitest';
import { createRng } from './prng.js';
import { oneHot, sampleLatents, truncatedNormalArray } from './samplers.js';

describe('sampleLatents', () => {
  it('is deterministic and shaped [n, size]', () => {
    const a = sampleLatents({ n: 4, size: 16, seed: 42 });
    const b = sampleLatents({ n: 4, size: 16, seed: 42 });
    expect(a.dims).toEqual([4, 16]);
    expect(a.data).toEqual(b.data);
  });

  it('gives the same first rows whatever n is, so a bigger grid extends a smaller one', () => {
    const small = sampleLatents({ n: 3, size: 10, seed: 5 });
    const large = sampleLatents({ n: 9, size: 10, seed: 5 });
    expect(large.data.subarray(0, 30)).toEqual(small.data);
  });

  it('keeps truncated latents inside the threshold', () => {
    const latents = sampleLatents({ n: 500, size: 64, seed: 1, truncation: 0.5 });
    expect(Math.max(...latents.data.map(Math.abs))).toBeLessThanOrEqual(0.5);
  });

  it('draws uniform latents in [-1, 1)', () => {
    const latents = sampleLatents({ n: 100, size: 20, seed: 1, distribution: 'uniform' });
    expect(Math.min(...latents.data)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...latents.data)).toBeLessThan(1);
  });

  it.each([
    [{ n: 0, size: 4, seed: 1 }, /n must be a positive integer/],
    [{ n: 2.5, size: 4, seed: 1 }, /n must be a positive integer/],
    [{ n: 2, size: 0, seed: 1 }, /latent size must be a positive integer/],
    [{ n: 2, size: 4, seed: -3 }, /seed must be an integer/],
    [{ n: 2, size: 4, seed: 1, truncation: 0 }, /truncation threshold must be a positive/],
  ])('rejects %o', (request, message) => {
    expect(() => sampleLatents(request)).toThrow(message);
  });
});

describe('truncatedNormalArray', () => {
  it('matches the variance of a normal truncated at ±1 (0.2911)', () => {
    const values = truncatedNormalArray(createRng(9), 100_000, 1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(1);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 0.2911)).toBeLessThan(0.005);
  });
});

describe('oneHot', () => {
  it('builds one-hot rows', () => {
    expect(Array.from(oneHot([2, 0], 3).data)).toEqual([0, 0, 1, 1, 0, 0]);
  });

  it('rejects labels out of range', () => {
    expect(() => oneHot([3], 3)).toThrow('label 3 is out of range: labels are integers from 0 to 2');
  });
});
