import { describe, expect, it } from 'vitest';
import { createRng } from '@genzoo/core';
import { featureMatrix } from '../features/feature-matrix.js';
import { GRID_25, RING_8, sampleMixture, SYNTHETIC_SAMPLES, type Mixture2d } from './mixtures.js';
import { modeMetrics } from './mode-metrics.js';

/** Share of a 2-D isotropic Gaussian within 3σ of its centre: 1 − e^(−9/2). */
const WITHIN_3_SIGMA = 1 - Math.exp(-4.5);

function collapsed(mixture: Mixture2d, modes: number, seed: number) {
  const rng = createRng(seed);
  const data = new Float32Array(SYNTHETIC_SAMPLES * 2);
  for (let i = 0; i < SYNTHETIC_SAMPLES; i++) {
    const [x, y] = mixture.centres[i % modes]!;
    data[2 * i] = x + mixture.std * rng.normal();
    data[2 * i + 1] = y + mixture.std * rng.normal();
  }
  return featureMatrix(data, SYNTHETIC_SAMPLES, 2);
}

describe('2-D mode protocol', () => {
  it('defines the published mixtures', () => {
    expect(RING_8.centres).toHaveLength(8);
    expect(Math.hypot(...RING_8.centres[3]!)).toBeCloseTo(1, 12);
    expect(GRID_25.centres).toHaveLength(25);
    expect(GRID_25.centres).toContainEqual([-4, 4]);
    expect([RING_8.std, GRID_25.std]).toEqual([0.01, 0.05]);
  });

  it.each([RING_8, GRID_25])('perfect samples of $name capture every mode, ~98.9 % high quality, reverse KL ≈ 0', (mixture) => {
    const result = modeMetrics(sampleMixture(mixture, SYNTHETIC_SAMPLES, 1), mixture);
    expect(result.modesCaptured).toBe(mixture.centres.length);
    expect(Math.abs(result.highQuality - WITHIN_3_SIGMA)).toBeLessThan(0.01);
    expect(result.reverseKl).toBeLessThan(0.02);
  });

  it.each([RING_8, GRID_25])('samples collapsed onto 3 modes of $name count 3, with reverse KL log(K/3)', (mixture) => {
    const result = modeMetrics(collapsed(mixture, 3, 2), mixture);
    expect(result.modesCaptured).toBe(3);
    expect(result.reverseKl).toBeCloseTo(Math.log(mixture.centres.length / 3), 2);
    expect(result.highQuality).toBeGreaterThan(0.97);
  });

  it('samples collapsed onto one mode give reverse KL log(K)', () => {
    const result = modeMetrics(collapsed(RING_8, 1, 3), RING_8);
    expect(result.modesCaptured).toBe(1);
    expect(result.reverseKl).toBeCloseTo(Math.log(8), 10);
  });

  it('noisy samples (10× the std) still reach every mode but few are high quality', () => {
    const noisy = { ...GRID_25, std: GRID_25.std * 10 };
    const result = modeMetrics(sampleMixture(noisy, SYNTHETIC_SAMPLES, 4), GRID_25);
    expect(result.modesCaptured).toBe(25);
    expect(result.highQuality).toBeGreaterThan(0.02);
    expect(result.highQuality).toBeLessThan(0.1);
  });

  it('uniform noise over the ring\'s square is almost never high quality', () => {
    const rng = createRng(5);
    const points = featureMatrix(Float32Array.from({ length: SYNTHETIC_SAMPLES * 2 }, () => rng.uniform() * 3 - 1.5), SYNTHETIC_SAMPLES, 2);
    const result = modeMetrics(points, RING_8);
    expect(result.highQuality).toBeLessThan(0.01);
    expect(result.modesCaptured).toBeLessThanOrEqual(8);
  });

  it('with a threshold per mode, counts only modes with enough high-quality samples', () => {
    const points = collapsed(RING_8, 8, 6);
    expect(modeMetrics(points, RING_8, 1000).modesCaptured).toBe(0);
  });

  it('rejects points that are not 2-D', () => {
    expect(() => modeMetrics(featureMatrix(new Float32Array(3), 1, 3), RING_8)).toThrow('the 2-D protocol needs points with 2 coordinates, got 3');
  });
});
