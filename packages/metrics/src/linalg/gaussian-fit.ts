import { InputError } from '@genzoo/core';
import type { FeatureMatrix } from '../features/feature-matrix.js';
import type { SymmetricMatrix } from './symmetric.js';

/** Mean and covariance of a set of feature vectors. */
export interface GaussianFit {
  /** How many vectors were fitted. */
  count: number;
  mean: Float64Array;
  /** Unbiased (divides by count − 1), like numpy's `np.cov`. */
  covariance: SymmetricMatrix;
}

/** Fits mean and covariance in double precision (two passes: mean first, then centred products). */
export function fitGaussian(features: FeatureMatrix): GaussianFit {
  const { rows, cols, data } = features;
  if (rows < 2) throw new InputError(`a covariance needs at least 2 feature vectors, got ${rows}`);
  const mean = new Float64Array(cols);
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) mean[col]! += data[row * cols + col]!;
  }
  for (let col = 0; col < cols; col++) mean[col]! /= rows;
  const sums = new Float64Array(cols * cols);
  const centred = new Float64Array(cols);
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) centred[col] = data[row * cols + col]! - mean[col]!;
    for (let i = 0; i < cols; i++) {
      const ci = centred[i]!;
      const base = i * cols;
      for (let j = i; j < cols; j++) sums[base + j]! += ci * centred[j]!;
    }
  }
  for (let i = 0; i < cols; i++) {
    for (let j = i; j < cols; j++) {
      const value = sums[i * cols + j]! / (rows - 1);
      sums[i * cols + j] = value;
      sums[j * cols + i] = value;
    }
  }
  return { count: rows, mean, covariance: { size: cols, data: sums } };
}
