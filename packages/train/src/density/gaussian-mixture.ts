import { forwardSolve } from './cholesky.js';
import { logSumExp, type Points } from './points.js';

/** How a mixture's covariances are constrained (as in scikit-learn's GaussianMixture). */
export const COVARIANCE_TYPES = ['spherical', 'diag', 'tied', 'full'] as const;
export type CovarianceType = (typeof COVARIANCE_TYPES)[number];

/** Checks a covariance type name, with a one-line error listing the known ones. */
export function assertCovarianceType(name: string): asserts name is CovarianceType {
  if (!(COVARIANCE_TYPES as readonly string[]).includes(name)) throw new Error(`unknown covariance type '${name}' (expected one of ${COVARIANCE_TYPES.join(', ')})`);
}

/**
 * A mixture of Gaussians in `dims` dimensions. `scales` holds square roots of the covariances:
 * spherical — K standard deviations; diag — K×d standard deviations; tied — one lower Cholesky
 * factor L (Σ = L Lᵀ), d×d; full — K lower Cholesky factors, K×d×d. A KDE is a spherical mixture
 * with one component per training point, equal weights and equal scales (the bandwidth).
 */
export interface GaussianMixture {
  dims: number;
  components: number;
  covarianceType: CovarianceType;
  /** Mixing weights, summing to 1. */
  weights: Float64Array;
  /** Component means, K×d. */
  means: Float64Array;
  scales: Float64Array;
}

const LOG_2PI = Math.log(2 * Math.PI);

/** The lower Cholesky factor of component k's covariance as a dense d×d matrix. */
export function componentFactor(mixture: GaussianMixture, k: number): Float64Array {
  const { dims: d, scales } = mixture;
  const l = new Float64Array(d * d);
  switch (mixture.covarianceType) {
    case 'spherical':
      for (let i = 0; i < d; i++) l[i * d + i] = scales[k]!;
      return l;
    case 'diag':
      for (let i = 0; i < d; i++) l[i * d + i] = scales[k * d + i]!;
      return l;
    case 'tied':
      l.set(scales);
      return l;
    case 'full':
      l.set(scales.subarray(k * d * d, (k + 1) * d * d));
      return l;
  }
}

/** log |L_k| (half the log-determinant of Σ_k). */
function logDetFactor(mixture: GaussianMixture, k: number): number {
  const { dims: d, scales } = mixture;
  switch (mixture.covarianceType) {
    case 'spherical':
      return d * Math.log(scales[k]!);
    case 'diag': {
      let sum = 0;
      for (let i = 0; i < d; i++) sum += Math.log(scales[k * d + i]!);
      return sum;
    }
    case 'tied':
    case 'full': {
      const base = mixture.covarianceType === 'full' ? k * d * d : 0;
      let sum = 0;
      for (let i = 0; i < d; i++) sum += Math.log(scales[base + i * d + i]!);
      return sum;
    }
  }
}

/**
 * log w_k + log N(x_i | μ_k, Σ_k) for every point i and component k, as a rows×K matrix: the
 * joint log-likelihoods EM's E-step and the log-density share.
 */
export function componentLogLikelihoods(mixture: GaussianMixture, x: Points): Float64Array {
  const { dims: d, components: K, means, scales } = mixture;
  if (x.cols !== d) throw new Error(`the mixture is over ${d} dimensions but the points have ${x.cols}`);
  const constant = Array.from({ length: K }, (_, k) => Math.log(mixture.weights[k]!) - logDetFactor(mixture, k) - 0.5 * d * LOG_2PI);
  const out = new Float64Array(x.rows * K);
  const diff = new Float64Array(d);
  const solved = new Float64Array(d);
  if (mixture.covarianceType === 'tied') {
    // One shared factor: whiten the means once and each point once, then Mahalanobis is a plain distance.
    const whiteMeans = new Float64Array(K * d);
    for (let k = 0; k < K; k++) whiteMeans.set(forwardSolve(scales, means.subarray(k * d, (k + 1) * d), d), k * d);
    for (let i = 0; i < x.rows; i++) {
      forwardSolve(scales, x.data.subarray(i * d, (i + 1) * d), d, solved);
      for (let k = 0; k < K; k++) {
        let mahalanobis = 0;
        for (let j = 0; j < d; j++) mahalanobis += (solved[j]! - whiteMeans[k * d + j]!) ** 2;
        out[i * K + k] = constant[k]! - 0.5 * mahalanobis;
      }
    }
    return out;
  }
  for (let i = 0; i < x.rows; i++) {
    const row = x.data.subarray(i * d, (i + 1) * d);
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < d; j++) diff[j] = row[j]! - means[k * d + j]!;
      let mahalanobis = 0;
      switch (mixture.covarianceType) {
        case 'spherical': {
          let sq = 0;
          for (let j = 0; j < d; j++) sq += diff[j]! * diff[j]!;
          mahalanobis = sq / (scales[k]! * scales[k]!);
          break;
        }
        case 'diag':
          for (let j = 0; j < d; j++) mahalanobis += (diff[j]! / scales[k * d + j]!) ** 2;
          break;
        case 'full': {
          forwardSolve(scales.subarray(k * d * d, (k + 1) * d * d), diff, d, solved);
          for (let j = 0; j < d; j++) mahalanobis += solved[j]! * solved[j]!;
          break;
        }
      }
      out[i * K + k] = constant[k]! - 0.5 * mahalanobis;
    }
  }
  return out;
}

/** Natural-log density of the mixture at each point (nats), by log-sum-exp over components. */
export function mixtureLogDensity(mixture: GaussianMixture, x: Points): Float64Array {
  const K = mixture.components;
  const joint = componentLogLikelihoods(mixture, x);
  return Float64Array.from({ length: x.rows }, (_, i) => logSumExp(joint.subarray(i * K, (i + 1) * K)));
}

/**
 * Samples from given component indices and standard-normal noise: x = μ_c + L_c z. This is the
 * function the exported sampling graph computes; randomness is the caller's.
 */
export function sampleMixture(mixture: GaussianMixture, components: ArrayLike<number>, noise: Points): Points {
  const d = mixture.dims;
  if (noise.cols !== d || noise.rows !== components.length) throw new Error(`noise must be ${components.length}×${d}, got ${noise.rows}×${noise.cols}`);
  const out = new Float64Array(noise.rows * d);
  for (let i = 0; i < noise.rows; i++) {
    const k = components[i]!;
    if (!Number.isInteger(k) || k < 0 || k >= mixture.components) throw new Error(`component index ${k} is outside [0, ${mixture.components})`);
    const l = componentFactor(mixture, k);
    for (let r = 0; r < d; r++) {
      let value = mixture.means[k * d + r]!;
      for (let c = 0; c <= r; c++) value += l[r * d + c]! * noise.data[i * d + c]!;
      out[i * d + r] = value;
    }
  }
  return { rows: noise.rows, cols: d, data: out };
}

/** Free parameters of a mixture with this shape (for BIC): weights, means and covariances. */
export function parameterCount(covarianceType: CovarianceType, components: number, dims: number): number {
  const covariance = { spherical: components, diag: components * dims, tied: (dims * (dims + 1)) / 2, full: (components * dims * (dims + 1)) / 2 }[covarianceType];
  return components - 1 + components * dims + covariance;
}
