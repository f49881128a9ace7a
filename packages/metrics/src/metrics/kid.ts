import { createRng, InputError, type Rng } from '@genzoo/core';
import type { DotProductEngine } from '../compute/dot-product-engine.js';
import { assertSameWidth, selectRows, transpose, type FeatureMatrix } from '../features/feature-matrix.js';

/** Subsets and subset size of the KID estimate; 100 × 1000 as in Bińkowski et al. and torch-fidelity. */
export interface KidOptions {
  subsets?: number;
  subsetSize?: number;
  /** Draws the subsets. */
  seed?: number;
}

export interface KidResult {
  /** Mean of the unbiased MMD² estimates over subsets. */
  mean: number;
  /** Their standard deviation (population, as torch-fidelity reports it). */
  std: number;
  subsets: number;
  subsetSize: number;
}

/** k(x, y) = (x·y / d + 1)³, the cubic polynomial kernel of KID. */
function cubicKernel(dot: number, dim: number): number {
  const value = dot / dim + 1;
  return value * value * value;
}

/** `size` distinct indices below `count` (partial Fisher–Yates). */
function subsetOf(rng: Rng, count: number, size: number): Int32Array {
  const pool = Int32Array.from({ length: count }, (_, index) => index);
  for (let i = 0; i < size; i++) {
    const j = i + rng.integer(count - i);
    const held = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = held;
  }
  return pool.slice(0, size);
}

/**
 * Unbiased MMD² between two equally sized sets with the cubic polynomial kernel:
 * mean of k(xᵢ, xⱼ) over i ≠ j, plus the same for y, minus twice the mean of k(xᵢ, yⱼ) over all pairs.
 */
export async function unbiasedMmd2(engine: DotProductEngine, x: FeatureMatrix, y: FeatureMatrix): Promise<number> {
  assertSameWidth(x, y, 'KID');
  const m = x.rows;
  if (m < 2 || y.rows !== m) throw new InputError(`unbiased MMD² needs two sets of the same size ≥ 2, got ${x.rows} and ${y.rows}`);
  const dim = x.cols;
  const offDiagonalMean = (dots: Float32Array): number => {
    let sum = 0;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) if (i !== j) sum += cubicKernel(dots[i * m + j]!, dim);
    }
    return sum / (m * (m - 1));
  };
  const [xx, yy, xy] = await Promise.all([engine.multiply(x, transpose(x)), engine.multiply(y, transpose(y)), engine.multiply(x, transpose(y))]);
  let cross = 0;
  for (let index = 0; index < m * m; index++) cross += cubicKernel(xy[index]!, dim);
  return offDiagonalMean(xx) + offDiagonalMean(yy) - (2 * cross) / (m * m);
}

/**
 * Kernel Inception Distance: unbiased MMD² over `subsets` random subsets of `subsetSize` from each set
 * (smaller sets shrink the subset size), mean and standard deviation. Unlike FID it has no bias from
 * the number of samples, so sets of different sizes compare fairly.
 */
export async function kid(engine: DotProductEngine, x: FeatureMatrix, y: FeatureMatrix, options: KidOptions = {}): Promise<KidResult> {
  const subsets = options.subsets ?? 100;
  const subsetSize = Math.min(options.subsetSize ?? 1000, x.rows, y.rows);
  if (!Number.isInteger(subsets) || subsets < 1) throw new InputError(`KID subsets must be a positive integer, got ${subsets}`);
  const rng = createRng(options.seed ?? 0);
  const estimates: number[] = [];
  for (let s = 0; s < subsets; s++) {
    const xs = selectRows(x, subsetOf(rng, x.rows, subsetSize));
    const ys = selectRows(y, subsetOf(rng, y.rows, subsetSize));
    estimates.push(await unbiasedMmd2(engine, xs, ys));
  }
  const mean = estimates.reduce((sum, value) => sum + value, 0) / subsets;
  const std = Math.sqrt(estimates.reduce((sum, value) => sum + (value - mean) ** 2, 0) / subsets);
  return { mean, std, subsets, subsetSize };
}
