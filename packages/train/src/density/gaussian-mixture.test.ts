import { describe, expect, it } from 'vitest';
import { componentFactor, mixtureLogDensity, parameterCount, sampleMixture, type GaussianMixture } from './gaussian-mixture.js';
import { points } from './points.js';
import { grid2d } from './test-support.js';

const full: GaussianMixture = {
  dims: 2,
  components: 2,
  covarianceType: 'full',
  weights: Float64Array.from([0.3, 0.7]),
  means: Float64Array.from([-1, 0, 2, 1]),
  scales: Float64Array.from([0.5, 0, 0.2, 0.4, 1, 0, -0.3, 0.6]),
};

function gaussian2d(x: number[], mu: number[], cov: number[]): number {
  const [a, b, , d] = cov as [number, number, number, number];
  const det = a * d - b * b;
  const dx = x[0]! - mu[0]!;
  const dy = x[1]! - mu[1]!;
  const q = (d * dx * dx - 2 * b * dx * dy + a * dy * dy) / det;
  return Math.exp(-0.5 * q) / (2 * Math.PI * Math.sqrt(det));
}

describe('Gaussian mixture', () => {
  it('log-density matches the closed form of a 2-D full-covariance mixture', () => {
    const covariance = (k: number): number[] => {
      const l = componentFactor(full, k);
      return [l[0]! * l[0]!, l[0]! * l[2]!, l[0]! * l[2]!, l[2]! * l[2]! + l[3]! * l[3]!];
    };
    const x = [0.3, -0.4];
    const expected = Math.log(0.3 * gaussian2d(x, [-1, 0], covariance(0)) + 0.7 * gaussian2d(x, [2, 1], covariance(1)));
    expect(mixtureLogDensity(full, points(x, 1, 2))[0]).toBeCloseTo(expected, 12);
  });

  it('integrates to about 1 over a 2-D grid, for every covariance type', () => {
    const { points: grid, cellArea } = grid2d(-6, 6, 241);
    const mixtures: GaussianMixture[] = [
      full,
      { ...full, covarianceType: 'tied', scales: Float64Array.from([0.5, 0, 0.2, 0.4]) },
      { ...full, covarianceType: 'diag', scales: Float64Array.from([0.5, 0.3, 0.8, 0.6]) },
      { ...full, covarianceType: 'spherical', scales: Float64Array.from([0.5, 0.9]) },
    ];
    for (const mixture of mixtures) {
      const total = mixtureLogDensity(mixture, grid).reduce((sum, v) => sum + Math.exp(v) * cellArea, 0);
      expect(total, mixture.covarianceType).toBeCloseTo(1, 3);
    }
  });

  it('stays finite far from every component (log-sum-exp)', () => {
    const far = mixtureLogDensity(full, points([1e3, -1e3], 1, 2))[0]!;
    expect(Number.isFinite(far)).toBe(true);
    expect(far).toBeLessThan(-1e5);
  });

  it('samples x = μ_c + L_c z from given components and noise', () => {
    const out = sampleMixture(full, [1, 0], points([1, 2, 0, 0], 2, 2));
    expect(Array.from(out.data).map((v) => +v.toFixed(12))).toEqual([2 + 1, 1 + -0.3 + 0.6 * 2, -1, 0]);
    expect(() => sampleMixture(full, [2], points([0, 0], 1, 2))).toThrow(/outside \[0, 2\)/);
    expect(() => mixtureLogDensity(full, points([0, 0, 0], 1, 3))).toThrow(/2 dimensions but the points have 3/);
  });

  it('counts free parameters like scikit-learn', () => {
    expect(parameterCount('full', 3, 2)).toBe(2 + 6 + 9);
    expect(parameterCount('tied', 3, 2)).toBe(2 + 6 + 3);
    expect(parameterCount('diag', 3, 2)).toBe(2 + 6 + 6);
    expect(parameterCount('spherical', 3, 2)).toBe(2 + 6 + 3);
  });
});
