import { Rng } from '../random/rng.js';
import type { Points } from './points.js';

function squaredDistance(a: Float64Array, aRow: number, b: Float64Array, bRow: number, d: number): number {
  let sum = 0;
  for (let j = 0; j < d; j++) {
    const diff = a[aRow * d + j]! - b[bRow * d + j]!;
    sum += diff * diff;
  }
  return sum;
}

/** Index of the centre nearest to each point. */
export function nearestCentres(x: Points, centres: Float64Array, k: number): Int32Array {
  const labels = new Int32Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let best = Infinity;
    for (let c = 0; c < k; c++) {
      const dist = squaredDistance(x.data, i, centres, c, x.cols);
      if (dist < best) {
        best = dist;
        labels[i] = c;
      }
    }
  }
  return labels;
}

function drawProportional(weights: Float64Array, total: number, rng: Rng): number {
  let target = rng.nextFloat() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i]!;
    if (target < 0) return i;
  }
  return weights.length - 1;
}

/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii, 2007; as scikit-learn does it): the first centre
 * uniformly; for each next one, 2 + ⌊ln k⌋ candidates drawn with probability proportional to the
 * squared distance to the nearest centre so far, keeping the candidate that lowers the total most.
 */
export function kmeansPlusPlus(x: Points, k: number, seed: number): Float64Array {
  if (!Number.isInteger(k) || k < 1 || k > x.rows) throw new Error(`k must be an integer in [1, ${x.rows}], got ${k}`);
  const rng = new Rng(seed);
  const d = x.cols;
  const centres = new Float64Array(k * d);
  const first = rng.nextInt(x.rows);
  centres.set(x.data.subarray(first * d, (first + 1) * d), 0);
  let nearest: Float64Array = Float64Array.from({ length: x.rows }, (_, i) => squaredDistance(x.data, i, centres, 0, d));
  const trials = 2 + Math.floor(Math.log(k));
  for (let c = 1; c < k; c++) {
    const total = nearest.reduce((sum, value) => sum + value, 0);
    let best: { index: number; nearest: Float64Array; total: number } | undefined;
    for (let trial = 0; trial < trials; trial++) {
      const index = drawProportional(nearest, total, rng);
      const updated = Float64Array.from(nearest, (value, i) => Math.min(value, squaredDistance(x.data, i, x.data, index, d)));
      const updatedTotal = updated.reduce((sum, value) => sum + value, 0);
      if (!best || updatedTotal < best.total) best = { index, nearest: updated, total: updatedTotal };
    }
    centres.set(x.data.subarray(best!.index * d, (best!.index + 1) * d), c * d);
    nearest = best!.nearest;
  }
  return centres;
}

/** Lloyd's k-means from k-means++ seeds; returns centres and labels. Empty clusters keep their centre. */
export function kmeans(x: Points, k: number, seed: number, iterations = 20): { centres: Float64Array; labels: Int32Array } {
  const d = x.cols;
  const centres = kmeansPlusPlus(x, k, seed);
  let labels = nearestCentres(x, centres, k);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const sums = new Float64Array(k * d);
    const counts = new Float64Array(k);
    for (let i = 0; i < x.rows; i++) {
      const c = labels[i]!;
      counts[c]!++;
      for (let j = 0; j < d; j++) sums[c * d + j]! += x.data[i * d + j]!;
    }
    for (let c = 0; c < k; c++) if (counts[c]! > 0) for (let j = 0; j < d; j++) centres[c * d + j] = sums[c * d + j]! / counts[c]!;
    const next = nearestCentres(x, centres, k);
    const changed = next.some((label, i) => label !== labels[i]);
    labels = next;
    if (!changed) break;
  }
  return { centres, labels };
}
