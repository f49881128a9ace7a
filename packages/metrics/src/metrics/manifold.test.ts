import { describe, expect, it } from 'vitest';
import { createRng } from '@genzoo/core';
import { JsDotProductEngine } from '../compute/dot-product-engine.js';
import { featureMatrix, selectRows, type FeatureMatrix } from '../features/feature-matrix.js';
import { manifoldScores } from './manifold.js';

const engine = new JsDotProductEngine();

function normalSet(n: number, d: number, seed: number, shift = 0, scale = 1): FeatureMatrix {
  const rng = createRng(seed);
  return featureMatrix(Float32Array.from({ length: n * d }, () => scale * rng.normal() + shift), n, d);
}

describe('precision, recall, density, coverage', () => {
  it('are all (about) 1 for samples from the real distribution', async () => {
    const scores = await manifoldScores(engine, normalSet(600, 4, 1), normalSet(600, 4, 2));
    expect(scores.precision).toBeGreaterThan(0.85);
    expect(scores.recall).toBeGreaterThan(0.85);
    expect(scores.coverage).toBeGreaterThan(0.85);
    expect(scores.density).toBeGreaterThan(0.8);
    expect(scores.density).toBeLessThan(1.2);
  });

  it('are 0 for samples far from the real data', async () => {
    expect(await manifoldScores(engine, normalSet(200, 4, 3), normalSet(200, 4, 4, 50))).toEqual({ precision: 0, recall: 0, density: 0, coverage: 0 });
  });

  it('keep precision and lose recall and coverage under mode collapse', async () => {
    const real = normalSet(500, 3, 5);
    // "Collapsed" samples: 10 real points, each repeated 50 times with a little jitter.
    const rng = createRng(6);
    const copies = selectRows(real, Array.from({ length: 500 }, (_, i) => i % 10));
    const collapsed = featureMatrix(copies.data.map((value) => value + 0.001 * rng.normal()), 500, 3);
    const scores = await manifoldScores(engine, real, collapsed);
    expect(scores.precision).toBeGreaterThan(0.95);
    expect(scores.recall).toBeLessThan(0.2);
    expect(scores.coverage).toBeLessThan(0.2);
  });

  it('lose precision and density, not recall, when samples are too spread out', async () => {
    const scores = await manifoldScores(engine, normalSet(500, 3, 7), normalSet(500, 3, 8, 0, 3));
    expect(scores.precision).toBeLessThan(0.5);
    expect(scores.density).toBeLessThan(0.3);
    expect(scores.recall).toBeGreaterThan(0.8);
  });
});
