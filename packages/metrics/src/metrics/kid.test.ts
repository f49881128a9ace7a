import { describe, expect, it } from 'vitest';
import { createRng } from '@genzoo/core';
import { JsDotProductEngine } from '../compute/dot-product-engine.js';
import { featureMatrix, type FeatureMatrix } from '../features/feature-matrix.js';
import { kid, unbiasedMmd2 } from './kid.js';

const engine = new JsDotProductEngine();

function normalSet(n: number, d: number, seed: number, shift = 0): FeatureMatrix {
  const rng = createRng(seed);
  return featureMatrix(Float32Array.from({ length: n * d }, () => rng.normal() + shift), n, d);
}

/** MMD² written out pair by pair, straight from the definition. */
function referenceMmd2(x: FeatureMatrix, y: FeatureMatrix): number {
  const m = x.rows;
  const d = x.cols;
  const k = (a: FeatureMatrix, i: number, b: FeatureMatrix, j: number): number => {
    let dot = 0;
    for (let c = 0; c < d; c++) dot += a.data[i * d + c]! * b.data[j * d + c]!;
    return (dot / d + 1) ** 3;
  };
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i !== j) {
        xx += k(x, i, x, j);
        yy += k(y, i, y, j);
      }
      xy += k(x, i, y, j);
    }
  }
  return xx / (m * (m - 1)) + yy / (m * (m - 1)) - (2 * xy) / (m * m);
}

describe('KID', () => {
  it('computes the unbiased MMD² of its definition', async () => {
    const x = normalSet(30, 5, 1);
    const y = normalSet(30, 5, 2, 0.3);
    expect(await unbiasedMmd2(engine, x, y)).toBeCloseTo(referenceMmd2(x, y), 4);
  });

  it('is unbiased: over many trials from one distribution its mean is 0 within the standard error', async () => {
    const estimates: number[] = [];
    for (let trial = 0; trial < 300; trial++) estimates.push(await unbiasedMmd2(engine, normalSet(20, 4, 2 * trial + 10), normalSet(20, 4, 2 * trial + 11)));
    const mean = estimates.reduce((sum, value) => sum + value, 0) / estimates.length;
    const sd = Math.sqrt(estimates.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (estimates.length - 1));
    expect(Math.abs(mean)).toBeLessThan((3 * sd) / Math.sqrt(estimates.length));
    expect(estimates.some((value) => value < 0)).toBe(true); // an unbiased estimator of 0 must go negative
  });

  it('grows with the distance between distributions', async () => {
    const base = normalSet(400, 8, 3);
    const near = await kid(engine, base, normalSet(400, 8, 4, 0.2), { subsets: 5, subsetSize: 100 });
    const far = await kid(engine, base, normalSet(400, 8, 5, 1), { subsets: 5, subsetSize: 100 });
    expect(near.mean).toBeGreaterThan(0);
    expect(far.mean).toBeGreaterThan(5 * near.mean);
    expect(far.subsets).toBe(5);
    expect(far.std).toBeGreaterThan(0);
  });

  it('shrinks the subset size to the smaller set and is repeatable for a seed', async () => {
    const x = normalSet(50, 3, 6);
    const y = normalSet(80, 3, 7);
    const first = await kid(engine, x, y, { subsets: 4, seed: 9 });
    expect(first.subsetSize).toBe(50);
    expect(await kid(engine, x, y, { subsets: 4, seed: 9 })).toEqual(first);
  });
});
