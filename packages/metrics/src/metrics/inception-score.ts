import { InputError } from '@genzoo/core';
import type { FeatureMatrix } from '../features/feature-matrix.js';

export interface InceptionScore {
  /** Mean over splits of exp(E[KL(p(y|x) ‖ p(y))]). From 1 (one class, or no confidence) to the class count. */
  mean: number;
  std: number;
  splits: number;
}

/** Row-wise softmax, stable (max subtracted), in double precision. */
export function softmaxRows(logits: FeatureMatrix): Float64Array {
  const { rows, cols, data } = logits;
  const out = new Float64Array(rows * cols);
  for (let row = 0; row < rows; row++) {
    let max = -Infinity;
    for (let col = 0; col < cols; col++) max = Math.max(max, data[row * cols + col]!);
    let sum = 0;
    for (let col = 0; col < cols; col++) sum += out[row * cols + col] = Math.exp(data[row * cols + col]! - max);
    for (let col = 0; col < cols; col++) out[row * cols + col]! /= sum;
  }
  return out;
}

/**
 * The classifier Inception Score of Salimans et al., computed with our own classifier's logits instead
 * of Inception v3: high when each sample is confidently one class and the classes are evenly used.
 * Split into `splits` consecutive parts (10, as is customary), mean and standard deviation over parts.
 */
export function inceptionScore(logits: FeatureMatrix, splits = 10): InceptionScore {
  const { rows, cols } = logits;
  if (!Number.isInteger(splits) || splits < 1 || rows < splits) throw new InputError(`inception score needs at least ${splits} samples, got ${rows}`);
  const p = softmaxRows(logits);
  const scores: number[] = [];
  for (let part = 0; part < splits; part++) {
    const start = Math.floor((part * rows) / splits);
    const end = Math.floor(((part + 1) * rows) / splits);
    const marginal = new Float64Array(cols);
    for (let row = start; row < end; row++) for (let col = 0; col < cols; col++) marginal[col]! += p[row * cols + col]! / (end - start);
    let kl = 0;
    for (let row = start; row < end; row++) {
      for (let col = 0; col < cols; col++) {
        const value = p[row * cols + col]!;
        if (value > 0) kl += value * (Math.log(value) - Math.log(marginal[col]!));
      }
    }
    scores.push(Math.exp(kl / (end - start)));
  }
  const mean = scores.reduce((sum, value) => sum + value, 0) / splits;
  const std = Math.sqrt(scores.reduce((sum, value) => sum + (value - mean) ** 2, 0) / splits);
  return { mean, std, splits };
}
