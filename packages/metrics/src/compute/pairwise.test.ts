import { describe, expect, it } from 'vitest';
import { createRng } from '@genzoo/core';
import { featureMatrix, transpose, type FeatureMatrix } from '../features/feature-matrix.js';
import { JsDotProductEngine } from './dot-product-engine.js';
import { OrtDotProductEngine } from './ort-dot-product-engine.js';
import { kthNeighbourRadii, nearestNeighbours } from './pairwise.js';

function randomSet(n: number, d: number, seed: number): FeatureMatrix {
  const rng = createRng(seed);
  return featureMatrix(Float32Array.from({ length: n * d }, () => rng.normal()), n, d);
}

function distance(a: FeatureMatrix, i: number, b: FeatureMatrix, j: number): number {
  let sum = 0;
  for (let c = 0; c < a.cols; c++) sum += (a.data[i * a.cols + c]! - b.data[j * b.cols + c]!) ** 2;
  return Math.sqrt(sum);
}

describe('pairwise distances', () => {
  const engine = new JsDotProductEngine();
  const points = randomSet(120, 5, 1);
  const query = randomSet(40, 5, 2);

  it('finds the same nearest neighbours as brute force', async () => {
    const { index, distance: found } = await nearestNeighbours(engine, query, points);
    for (let i = 0; i < query.rows; i++) {
      const all = Array.from({ length: points.rows }, (_, j) => distance(query, i, points, j));
      expect(index[i]).toBe(all.indexOf(Math.min(...all)));
      expect(found[i]).toBeCloseTo(Math.min(...all), 4);
    }
  });

  it('computes k-th neighbour radii excluding the point itself', async () => {
    const radii = await kthNeighbourRadii(engine, points, [1, 3]);
    for (const i of [0, 57, 119]) {
      const sorted = Array.from({ length: points.rows }, (_, j) => distance(points, i, points, j)).sort((a, b) => a - b);
      expect(radii.get(1)![i]).toBeCloseTo(sorted[1]!, 4);
      expect(radii.get(3)![i]).toBeCloseTo(sorted[3]!, 4);
    }
  });
});

describe('the onnxruntime matrix product', () => {
  it('agrees with plain JavaScript', async () => {
    const ort = await OrtDotProductEngine.create();
    try {
      const a = randomSet(70, 33, 3);
      const b = randomSet(45, 33, 4);
      const [fast, slow] = [await ort.multiply(a, transpose(b)), await new JsDotProductEngine().multiply(a, transpose(b))];
      expect(fast).toHaveLength(70 * 45);
      expect(fast.reduce((max, value, index) => Math.max(max, Math.abs(value - slow[index]!)), 0)).toBeLessThan(1e-4);
      expect(ort.name).toBe('onnxruntime-node on cpu');
    } finally {
      await ort.release();
    }
  });
});
