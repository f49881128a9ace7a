import { describe, expect, it } from 'vitest';
import { createRng } from '@genzoo/core';
import { JsDotProductEngine } from '../compute/dot-product-engine.js';
import { featureMatrix, selectRows, type FeatureMatrix } from '../features/feature-matrix.js';
import { closestPairs, memorization, quantile } from './memorization.js';

const engine = new JsDotProductEngine();

function normalSet(n: number, seed: number): FeatureMatrix {
  const rng = createRng(seed);
  return featureMatrix(Float32Array.from({ length: n * 6 }, () => rng.normal()), n, 6);
}

describe('memorization check', () => {
  const train = normalSet(1000, 1);
  const heldOut = normalSet(300, 2);

  it('finds copies of training images: distance 0, near-copy rate 1, and the pairs point at them', async () => {
    const copies = selectRows(train, [5, 17, 900, 42]);
    const report = await memorization(engine, copies, train, heldOut);
    expect(Array.from(report.generated.index)).toEqual([5, 17, 900, 42]);
    expect(report.distanceRatio).toBeLessThan(1e-3);
    expect(report.nearCopyRate).toBe(1);
    expect(closestPairs(report, 2).map((pair) => pair.train).sort((a, b) => a - b)).toHaveLength(2);
  });

  it('sees fresh samples of the same distribution as no closer than held-out data', async () => {
    const report = await memorization(engine, normalSet(2000, 3), train, heldOut);
    expect(report.distanceRatio).toBeGreaterThan(0.9);
    expect(report.distanceRatio).toBeLessThan(1.1);
    expect(report.nearCopyRate).toBeLessThan(0.04);
  });

  it('takes quantiles by linear interpolation', () => {
    expect(quantile([3, 1, 2, 4], 0.5)).toBe(2.5);
    expect(quantile([7], 0.01)).toBe(7);
  });
});
