import type { GaussianMixture } from './gaussian-mixture.js';
import { logSumExp, type Points } from './points.js';

/** The held-out log-likelihood of every bandwidth tried, and the best one. */
export interface BandwidthCurve {
  bandwidths: number[];
  /** Mean held-out log-likelihood per point (nats), one per bandwidth. */
  heldOutLogLikelihood: number[];
  bandwidth: number;
  /** Scott's rule of thumb the grid is centred on. */
  scott: number;
}

function squaredDistancesTo(train: Points, x: Points, row: number, out: Float64Array): Float64Array {
  const d = train.cols;
  const query = x.data.subarray(row * d, (row + 1) * d);
  for (let t = 0; t < train.rows; t++) {
    let sum = 0;
    for (let j = 0; j < d; j++) {
      const diff = query[j]! - train.data[t * d + j]!;
      sum += diff * diff;
    }
    out[t] = sum;
  }
  return out;
}

function logKernelSum(squared: Float64Array, bandwidth: number, dims: number, scratch: Float64Array): number {
  const scale = -0.5 / (bandwidth * bandwidth);
  for (let t = 0; t < squared.length; t++) scratch[t] = squared[t]! * scale;
  return logSumExp(scratch) - Math.log(squared.length) - 0.5 * dims * Math.log(2 * Math.PI * bandwidth * bandwidth);
}

/**
 * Log-density of a Gaussian KDE: log (1/n) Σ_t N(x | x_t, h² I), by log-sum-exp over training points.
 */
export function kdeLogDensity(train: Points, x: Points, bandwidth: number): Float64Array {
  if (!(bandwidth > 0)) throw new Error(`bandwidth must be positive, got ${bandwidth}`);
  if (x.cols !== train.cols) throw new Error(`the KDE is over ${train.cols} dimensions but the points have ${x.cols}`);
  const squared = new Float64Array(train.rows);
  const scratch = new Float64Array(train.rows);
  return Float64Array.from({ length: x.rows }, (_, i) => logKernelSum(squaredDistancesTo(train, x, i, squared), bandwidth, x.cols, scratch));
}

/** Scott's rule: n^(−1/(d+4)) times the mean per-coordinate standard deviation. */
export function scottBandwidth(train: Points): number {
  const { rows: n, cols: d, data } = train;
  let stdSum = 0;
  for (let j = 0; j < d; j++) {
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      sum += data[i * d + j]!;
      sumSq += data[i * d + j]! ** 2;
    }
    stdSum += Math.sqrt(Math.max(0, sumSq / n - (sum / n) ** 2));
  }
  return (stdSum / d) * n ** (-1 / (d + 4));
}

/** `count` bandwidths spaced geometrically from Scott's rule / 64 to Scott's rule × 2. */
export function bandwidthGrid(train: Points, count = 25): number[] {
  const scott = scottBandwidth(train);
  return Array.from({ length: count }, (_, i) => scott * 2 ** (-6 + (7 * i) / (count - 1)));
}

/**
 * Chooses the bandwidth with the highest mean log-likelihood of held-out points. Distances are
 * computed once per held-out point and reused for every bandwidth.
 */
export function selectBandwidth(train: Points, heldOut: Points, bandwidths: readonly number[] = bandwidthGrid(train)): BandwidthCurve {
  if (bandwidths.length === 0 || bandwidths.some((h) => !(h > 0))) throw new Error('bandwidths must be a non-empty list of positive numbers');
  const totals = new Float64Array(bandwidths.length);
  const squared = new Float64Array(train.rows);
  const scratch = new Float64Array(train.rows);
  for (let i = 0; i < heldOut.rows; i++) {
    squaredDistancesTo(train, heldOut, i, squared);
    bandwidths.forEach((h, b) => (totals[b]! += logKernelSum(squared, h, train.cols, scratch)));
  }
  const heldOutLogLikelihood = Array.from(totals, (total) => total / heldOut.rows);
  const best = heldOutLogLikelihood.indexOf(Math.max(...heldOutLogLikelihood));
  return { bandwidths: [...bandwidths], heldOutLogLikelihood, bandwidth: bandwidths[best]!, scott: scottBandwidth(train) };
}

/** The KDE as a Gaussian mixture: one spherical component of std `bandwidth` per training point, equal weights. */
export function kdeMixture(train: Points, bandwidth: number): GaussianMixture {
  return {
    dims: train.cols,
    components: train.rows,
    covarianceType: 'spherical',
    weights: new Float64Array(train.rows).fill(1 / train.rows),
    means: Float64Array.from(train.data),
    scales: new Float64Array(train.rows).fill(bandwidth),
  };
}

