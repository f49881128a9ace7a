import { describe, expect, it } from 'vitest';
import { fitPca, pcaProject, pcaReconstruct } from './pca.js';
import { points } from './points.js';
import { blobs } from './test-support.js';

describe('PCA', () => {
  it('finds the axis of points on a line and reconstructs them exactly', () => {
    const x = points([1, 2, 3, 2, 4, 6, 3, 6, 9, 4, 8, 12], 4, 3);
    const pca = fitPca(x, 1);
    const norm = Math.sqrt(14);
    expect(Array.from(pca.components).map((v) => +v.toFixed(10))).toEqual([1 / norm, 2 / norm, 3 / norm].map((v) => +v.toFixed(10)));
    expect(pca.explainedVariance[0]).toBeCloseTo(pca.totalVariance, 10);
    const back = pcaReconstruct(pca, pcaProject(pca, x));
    back.data.forEach((v, i) => expect(v).toBeCloseTo(x.data[i]!, 10));
  });

  it('orders directions by variance and keeps them orthonormal', () => {
    const x = blobs([[0, 0, 0]], 500, 1, 3);
    for (let i = 0; i < x.rows; i++) {
      x.data[i * 3]! *= 5;
      x.data[i * 3 + 1]! *= 2;
    }
    const pca = fitPca(x, 3);
    expect(pca.explainedVariance[0]).toBeGreaterThan(pca.explainedVariance[1]!);
    expect(pca.explainedVariance[1]).toBeGreaterThan(pca.explainedVariance[2]!);
    expect(Math.abs(pca.components[0]!)).toBeCloseTo(1, 2);
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) {
      let dot = 0;
      for (let j = 0; j < 3; j++) dot += pca.components[a * 3 + j]! * pca.components[b * 3 + j]!;
      expect(dot).toBeCloseTo(a === b ? 1 : 0, 10);
    }
    expect(() => fitPca(x, 4)).toThrow(/\[1, 3\]/);
    expect(() => pcaProject(pca, points([1, 2], 1, 2))).toThrow(/takes 3 coordinates/);
  });
});
