import { cholesky } from './cholesky.js';
import { componentLogLikelihoods, type CovarianceType, type GaussianMixture } from './gaussian-mixture.js';
import { kmeans } from './kmeans.js';
import { logSumExp, type Points } from './points.js';

/** Options of {@link fitGaussianMixture}. */
export interface EmOptions {
  components: number;
  covarianceType: CovarianceType;
  /** Seeds k-means++ (default 0). */
  seed?: number;
  /** Added to every covariance's diagonal so no component collapses onto a point (default 1e-6). */
  regularization?: number;
  /** Stop when the mean log-likelihood per point improves by less than this (default 1e-4 nats). */
  tolerance?: number;
  maxIterations?: number;
}

/** A fitted mixture and how EM got there. */
export interface EmResult {
  mixture: GaussianMixture;
  /** Mean log-likelihood per training point (nats) at the end. */
  trainLogLikelihood: number;
  iterations: number;
  converged: boolean;
}

/** Responsibilities below this add nothing measurable to a component's sums; skipping them makes the M-step about K times cheaper. */
const NEGLIGIBLE_RESPONSIBILITY = 1e-12;

/** M-step: weights, means and covariances (as Cholesky factors) from responsibilities (rows×K). */
export function maximizationStep(x: Points, responsibilities: Float64Array, components: number, covarianceType: CovarianceType, regularization: number): GaussianMixture {
  const { rows: n, cols: d, data } = x;
  const K = components;
  const counts = new Float64Array(K);
  const means = new Float64Array(K * d);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < K; k++) {
      const r = responsibilities[i * K + k]!;
      if (r === 0) continue;
      counts[k]! += r;
      for (let j = 0; j < d; j++) means[k * d + j]! += r * data[i * d + j]!;
    }
  }
  // A tiny floor keeps empty components finite, as scikit-learn does with 10·eps.
  for (let k = 0; k < K; k++) counts[k]! += 10 * Number.EPSILON;
  for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) means[k * d + j]! /= counts[k]!;
  const weights = Float64Array.from(counts, (c) => c / (n + 10 * Number.EPSILON * K));
  const diff = new Float64Array(d);
  let scales: Float64Array;
  if (covarianceType === 'full' || covarianceType === 'tied') {
    const scatter = new Float64Array((covarianceType === 'full' ? K : 1) * d * d);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < K; k++) {
        const r = responsibilities[i * K + k]!;
        if (r < NEGLIGIBLE_RESPONSIBILITY) continue;
        const base = covarianceType === 'full' ? k * d * d : 0;
        for (let j = 0; j < d; j++) diff[j] = data[i * d + j]! - means[k * d + j]!;
        for (let a = 0; a < d; a++) {
          const ra = r * diff[a]!;
          for (let b = 0; b <= a; b++) scatter[base + a * d + b]! += ra * diff[b]!;
        }
      }
    }
    const blocks = covarianceType === 'full' ? K : 1;
    scales = new Float64Array(blocks * d * d);
    for (let block = 0; block < blocks; block++) {
      const covariance = new Float64Array(d * d);
      const norm = covarianceType === 'full' ? counts[block]! : n;
      for (let a = 0; a < d; a++) {
        for (let b = 0; b <= a; b++) {
          const value = scatter[block * d * d + a * d + b]! / norm + (a === b ? regularization : 0);
          covariance[a * d + b] = value;
          covariance[b * d + a] = value;
        }
      }
      scales.set(cholesky(covariance, d), block * d * d);
    }
  } else {
    const variances = new Float64Array(K * d);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < K; k++) {
        const r = responsibilities[i * K + k]!;
        if (r < NEGLIGIBLE_RESPONSIBILITY) continue;
        for (let j = 0; j < d; j++) variances[k * d + j]! += r * (data[i * d + j]! - means[k * d + j]!) ** 2;
      }
    }
    for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) variances[k * d + j] = variances[k * d + j]! / counts[k]! + regularization;
    scales =
      covarianceType === 'diag'
        ? variances.map(Math.sqrt)
        : Float64Array.from({ length: K }, (_, k) => Math.sqrt(variances.subarray(k * d, (k + 1) * d).reduce((s, v) => s + v, 0) / d));
  }
  return { dims: d, components: K, covarianceType, weights, means, scales };
}

/** E-step: responsibilities (rows×K, overwriting `joint`) and the mean log-likelihood per point. */
export function expectationStep(mixture: GaussianMixture, x: Points): { responsibilities: Float64Array; meanLogLikelihood: number } {
  const K = mixture.components;
  const joint = componentLogLikelihoods(mixture, x);
  let total = 0;
  for (let i = 0; i < x.rows; i++) {
    const row = joint.subarray(i * K, (i + 1) * K);
    const norm = logSumExp(row);
    total += norm;
    for (let k = 0; k < K; k++) row[k] = Math.exp(row[k]! - norm);
  }
  return { responsibilities: joint, meanLogLikelihood: total / x.rows };
}

/**
 * Fits a Gaussian mixture by expectation–maximization (Dempster, Laird & Rubin, 1977), initialised
 * from seeded k-means++ / Lloyd clusters. All likelihoods are combined in log space (log-sum-exp).
 */
export function fitGaussianMixture(x: Points, options: EmOptions): EmResult {
  const { components: K, covarianceType } = options;
  if (!Number.isInteger(K) || K < 1 || K > x.rows) throw new Error(`components must be an integer in [1, ${x.rows}], got ${K}`);
  const regularization = options.regularization ?? 1e-6;
  const tolerance = options.tolerance ?? 1e-4;
  const maxIterations = options.maxIterations ?? 300;
  if (!(regularization >= 0)) throw new Error(`regularization must be ≥ 0, got ${regularization}`);
  const { labels } = kmeans(x, K, options.seed ?? 0);
  const hard = new Float64Array(x.rows * K);
  labels.forEach((label, i) => (hard[i * K + label] = 1));
  let mixture = maximizationStep(x, hard, K, covarianceType, regularization);
  let previous = -Infinity;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const { responsibilities, meanLogLikelihood } = expectationStep(mixture, x);
    if (Math.abs(meanLogLikelihood - previous) < tolerance) return { mixture, trainLogLikelihood: meanLogLikelihood, iterations: iteration, converged: true };
    previous = meanLogLikelihood;
    mixture = maximizationStep(x, responsibilities, K, covarianceType, regularization);
  }
  return { mixture, trainLogLikelihood: expectationStep(mixture, x).meanLogLikelihood, iterations: maxIterations, converged: false };
}
