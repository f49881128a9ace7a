import { describe, expect, it } from 'vitest';
import { createRng } from './prng.js';
import { oneHot, sampleComponents, sampleLatents, truncatedNormalArray } from './samplers.js';

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

describe('sampleComponents', () => {
  it('follows the mixture weights and is the same for a seed whatever n is', () => {
    const weights = [0.7, 0.2, 0.1];
    const draws = sampleComponents({ n: 20_000, seed: 5, components: 3, weights });
    const share = (component: number) => draws.filter((draw) => draw === component).length / draws.length;
    weights.forEach((weight, component) => expect(share(component)).toBeCloseTo(weight, 1));
    expect(sampleComponents({ n: 5, seed: 5, components: 3, weights })).toEqual(draws.slice(0, 5));
  });

  it('draws uniformly without weights and never picks a zero-weight component', () => {
    expect(new Set(sampleComponents({ n: 500, seed: 1, components: 4 }))).toEqual(new Set([0, 1, 2, 3]));
    expect(sampleComponents({ n: 500, seed: 1, components: 3, weights: [0.5, 0, 0.5] })).not.toContain(1);
  });

  it('rejects bad requests', () => {
    expect(() => sampleComponents({ n: 2, seed: 1, components: 3, weights: [1] })).toThrow('expected 3 mixture weights, got 1');
    expect(() => sampleComponents({ n: 2, seed: -1, components: 3 })).toThrow('seed must be an integer');
  });
});
