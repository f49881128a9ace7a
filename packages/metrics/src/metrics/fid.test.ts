import { describe, expect, it } from 'vitest';
import { createRng } from '@genzoo/core';
import { featureMatrix, type FeatureMatrix } from '../features/feature-matrix.js';
import { fitGaussian } from '../linalg/gaussian-fit.js';
import { multiply, trace, type SymmetricMatrix } from '../linalg/symmetric.js';
import { fid, frechetDistance } from './fid.js';

/** n draws of N(mean, L·Lᵀ) for a lower-triangular L given row by row. */
function gaussianSamples(n: number, mean: number[], chol: number[][], seed: number): FeatureMatrix {
  const rng = createRng(seed);
  const d = mean.length;
  const data = new Float32Array(n * d);
  const z = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) z[k] = rng.normal();
    for (let r = 0; r < d; r++) data[i * d + r] = mean[r]! + chol[r]!.reduce((sum, value, k) => sum + value * z[k]!, 0);
  }
  return featureMatrix(data, n, d);
}

function covarianceOf(chol: number[][]): SymmetricMatrix {
  const d = chol.length;
  const data = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) data[i * d + j] = chol[i]!.reduce((sum, value, k) => sum + value * (chol[j]![k] ?? 0), 0);
  return { size: d, data };
}

const CHOL_A = [[1, 0], [0.5, 0.8]];
const CHOL_B = [[0.6, 0], [-0.4, 1.5]];

/** ‖μ₁−μ₂‖² + tr Σ₁ + tr Σ₂ − 2√(tr(Σ₁Σ₂) + 2√det(Σ₁Σ₂)): the 2-D closed form, computed independently of the eigen route. */
function closedForm2d(m1: number[], c1: SymmetricMatrix, m2: number[], c2: SymmetricMatrix): number {
  const p = multiply(c1, c2);
  const det = p.data[0]! * p.data[3]! - p.data[1]! * p.data[2]!;
  const means = (m1[0]! - m2[0]!) ** 2 + (m1[1]! - m2[1]!) ** 2;
  return means + trace(c1) + trace(c2) - 2 * Math.sqrt(trace(p) + 2 * Math.sqrt(det));
}

describe('FID', () => {
  it('is 0 for a set against itself', () => {
    const x = gaussianSamples(2000, [0, 0, 0, 0].slice(0, 2), CHOL_A, 1);
    expect(fid(x, x)).toBeLessThan(1e-9);
  });

  it('is ‖shift‖² for a set against a shifted copy (same covariance)', () => {
    const x = gaussianSamples(3000, [1, -2], CHOL_A, 2);
    const shifted = featureMatrix(x.data.map((value, index) => value + (index % 2 === 0 ? 3 : -4)), x.rows, x.cols);
    expect(fid(x, shifted)).toBeCloseTo(25, 3);
  });

  it('equals the closed form on given means and covariances', () => {
    const [m1, m2] = [[0, 1], [2, -1]];
    const [c1, c2] = [covarianceOf(CHOL_A), covarianceOf(CHOL_B)];
    const distance = frechetDistance({ count: 1, mean: Float64Array.from(m1), covariance: c1 }, { count: 1, mean: Float64Array.from(m2), covariance: c2 });
    expect(distance).toBeCloseTo(closedForm2d(m1, c1, m2, c2), 10);
  });

  it('approaches the closed form on samples with known parameters', () => {
    const [m1, m2] = [[0, 1], [2, -1]];
    const expected = closedForm2d(m1, covarianceOf(CHOL_A), m2, covarianceOf(CHOL_B));
    const measured = fid(gaussianSamples(200_000, m1, CHOL_A, 3), gaussianSamples(200_000, m2, CHOL_B, 4));
    expect(Math.abs(measured - expected) / expected).toBeLessThan(0.01);
  });

  it('stays finite and non-negative for near-singular covariances (more dimensions than samples)', () => {
    const rng = createRng(5);
    const wide = (seed: number) => featureMatrix(Float32Array.from({ length: 20 * 64 }, () => rng.normal() + seed), 20, 64);
    const value = fid(wide(0), wide(1));
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThan(0);
    expect(fitGaussian(wide(0)).covariance.size).toBe(64);
  });

  it('says when feature sizes differ', () => {
    expect(() => fid(featureMatrix(new Float32Array(6), 3, 2), featureMatrix(new Float32Array(9), 3, 3))).toThrow('FID: feature sizes differ (2 and 3)');
  });
});
