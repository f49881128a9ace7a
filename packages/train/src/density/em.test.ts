import { describe, expect, it } from 'vitest';
import { fitGaussianMixture } from './em.js';
import { COVARIANCE_TYPES } from './gaussian-mixture.js';
import { kmeansPlusPlus } from './kmeans.js';
import { selectGaussianMixture } from './model-selection.js';
import { blobs } from './test-support.js';

const centres = [
  [-5, 0],
  [5, 0],
  [0, 6],
];

function sortedMeans(means: Float64Array): number[][] {
  const rows = Array.from({ length: means.length / 2 }, (_, k) => [means[2 * k]!, means[2 * k + 1]!]);
  return rows.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
}

describe('EM for Gaussian mixtures', () => {
  it('recovers the means, weights and variances of well-separated blobs with every covariance type', () => {
    const x = blobs(centres, 400, 0.5, 1);
    for (const covarianceType of COVARIANCE_TYPES) {
      const { mixture, converged } = fitGaussianMixture(x, { components: 3, covarianceType, seed: 3 });
      expect(converged, covarianceType).toBe(true);
      const found = sortedMeans(mixture.means);
      const expected = sortedMeans(Float64Array.from(centres.flat()));
      found.forEach((mean, k) => mean.forEach((v, j) => expect(Math.abs(v - expected[k]![j]!), covarianceType).toBeLessThan(0.08)));
      mixture.weights.forEach((w) => expect(w).toBeCloseTo(1 / 3, 5));
      if (covarianceType === 'spherical') mixture.scales.forEach((s) => expect(Math.abs(s - 0.5)).toBeLessThan(0.03));
    }
  });

  it('is deterministic for a seed and raises the likelihood from its k-means start', () => {
    const x = blobs(centres, 100, 1.5, 2);
    const a = fitGaussianMixture(x, { components: 3, covarianceType: 'full', seed: 5 });
    const b = fitGaussianMixture(x, { components: 3, covarianceType: 'full', seed: 5 });
    expect(Array.from(a.mixture.means)).toEqual(Array.from(b.mixture.means));
    const oneStep = fitGaussianMixture(x, { components: 3, covarianceType: 'full', seed: 5, maxIterations: 1 });
    expect(a.trainLogLikelihood).toBeGreaterThanOrEqual(oneStep.trainLogLikelihood - 1e-9);
  });

  it('k-means++ picks distinct seeds from distinct blobs', () => {
    const x = blobs(centres, 50, 0.1, 3);
    const seeds = sortedMeans(kmeansPlusPlus(x, 3, 0));
    expect(seeds.map(([sx]) => Math.round(sx! / 5) + 0)).toEqual([-1, 0, 1]);
  });

  it('model selection finds K = 3 by held-out likelihood and by BIC', () => {
    const train = blobs(centres, 150, 0.5, 4);
    const heldOut = blobs(centres, 100, 0.5, 5);
    const selection = selectGaussianMixture(train, heldOut, { covarianceTypes: ['spherical', 'full'], componentCounts: [1, 2, 3], criterion: 'bic' });
    expect(selection.candidates).toHaveLength(6);
    expect(selection.bestByBic.components).toBe(3);
    expect(selection.bestByHeldOut.components).toBe(3);
    expect(selection.chosen).toBe(selection.bestByBic);
    expect(selection.bestByBic.covarianceType).toBe('spherical');
  });

  it('rejects bad settings in one line', () => {
    const x = blobs(centres, 5, 0.5, 6);
    expect(() => fitGaussianMixture(x, { components: 0, covarianceType: 'full' })).toThrow(/components must be an integer in \[1, 15\]/);
    expect(() => fitGaussianMixture(x, { components: 2, covarianceType: 'full', regularization: -1 })).toThrow(/regularization/);
  });
});
