import { describe, expect, it } from 'vitest';
import { createRng, MAX_SEED, restoreRng } from './prng.js';

function draws(seed: number, count: number, pick: 'uniform' | 'normal'): number[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => rng[pick]());
}

function moments(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

describe('createRng', () => {
  it('gives the same stream for the same seed', () => {
    expect(draws(7, 1000, 'normal')).toEqual(draws(7, 1000, 'normal'));
    expect(draws(MAX_SEED, 10, 'uniform')).toEqual(draws(MAX_SEED, 10, 'uniform'));
  });

  it('gives different streams for neighbouring seeds', () => {
    expect(draws(7, 8, 'uniform')).not.toEqual(draws(8, 8, 'uniform'));
    expect(draws(0, 8, 'uniform')).not.toEqual(draws(MAX_SEED, 8, 'uniform'));
  });

  it('starts neighbouring seeds at unrelated places', () => {
    const firsts = Array.from({ length: 64 }, (_, seed) => createRng(seed).uniform());
    const mean = firsts.reduce((sum, value) => sum + value, 0) / firsts.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.15);
    expect(new Set(firsts.map((value) => Math.floor(value * 4))).size).toBe(4);
  });

  it('is pinned to known values, so a dependency upgrade cannot silently change every sample', () => {
    const rng = createRng(7);
    const first = [rng.uniform(), rng.uniform(), rng.normal(), rng.normal()].map((value) => Number(value.toFixed(12)));
    expect(first).toMatchSnapshot();
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const values = draws(11, 200_000, 'uniform');
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const { mean, variance } = moments(values);
    // Standard error of the mean is ~0.00065; 5 sigma bounds.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0033);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.001);
  });

  it('draws standard normals with mean 0, variance 1, and Gaussian tails', () => {
    const values = draws(12, 200_000, 'normal');
    const { mean, variance } = moments(values);
    expect(Math.abs(mean)).toBeLessThan(0.012);
    expect(Math.abs(variance - 1)).toBeLessThan(0.016);
    const beyondTwo = values.filter((value) => Math.abs(value) > 2).length / values.length;
    expect(beyondTwo).toBeGreaterThan(0.0435); // P(|z| > 2) = 0.0455
    expect(beyondTwo).toBeLessThan(0.0475);
  });

  it('draws integers uniformly over their range', () => {
    const rng = createRng(3);
    const counts = new Array<number>(10).fill(0);
    for (let draw = 0; draw < 50_000; draw++) counts[rng.integer(10)]! += 1;
    for (const count of counts) expect(Math.abs(count - 5000)).toBeLessThan(350);
  });

  it('continues exactly where a saved state left off, also between the two normals of a pair', () => {
    const rng = createRng(21);
    rng.normal();
    const saved = JSON.parse(JSON.stringify(rng.state())) as ReturnType<typeof rng.state>;
    const expected = [rng.normal(), rng.uniform(), rng.integer(10), rng.normal()];
    const resumed = restoreRng(saved);
    expect([resumed.normal(), resumed.uniform(), resumed.integer(10), resumed.normal()]).toEqual(expected);
    expect(() => restoreRng({ generator: [1, 2], spareNormal: null })).toThrow('invalid random state');
  });

  it.each([-1, 1.5, MAX_SEED + 1, Number.NaN])('rejects seed %s with a message naming the range', (seed) => {
    expect(() => createRng(seed)).toThrow(/seed must be an integer from 0 to 4294967295/);
  });
});
