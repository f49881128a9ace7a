import { describe, expect, it } from 'vitest';
import { featureMatrix } from '../features/feature-matrix.js';
import { inceptionScore } from './inception-score.js';

function logits(rows: number[][]) {
  return featureMatrix(Float32Array.from(rows.flat()), rows.length, rows[0]!.length);
}

describe('classifier Inception Score', () => {
  const confident = (label: number) => Array.from({ length: 10 }, (_, c) => (c === label ? 50 : 0));

  it('is the class count for confident, evenly spread predictions', () => {
    const rows = Array.from({ length: 100 }, (_, i) => confident(i % 10));
    const score = inceptionScore(logits(rows), 10);
    expect(score.mean).toBeCloseTo(10, 6);
    expect(score.std).toBeCloseTo(0, 6);
  });

  it('is 1 when every sample is the same class (mode collapse)', () => {
    expect(inceptionScore(logits(Array.from({ length: 100 }, () => confident(3))), 10).mean).toBeCloseTo(1, 6);
  });

  it('is 1 when the classifier is unsure of everything', () => {
    expect(inceptionScore(logits(Array.from({ length: 100 }, () => new Array(10).fill(0))), 10).mean).toBeCloseTo(1, 12);
  });

  it('is the number of classes used when they are used evenly', () => {
    expect(inceptionScore(logits(Array.from({ length: 400 }, (_, i) => confident(i % 4))), 10).mean).toBeCloseTo(4, 6);
  });

  it('needs at least one sample per split', () => {
    expect(() => inceptionScore(logits([confident(1)]), 10)).toThrow('inception score needs at least 10 samples, got 1');
  });
});
