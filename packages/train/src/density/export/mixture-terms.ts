import { invertLower } from '../cholesky.js';
import { componentFactor, type GaussianMixture } from '../gaussian-mixture.js';

const LOG_2PI = Math.log(2 * Math.PI);

/** log w_k − log|L_k| − (d/2) log 2π per component: the constant of each component's log-likelihood. */
export function componentConstants(mixture: GaussianMixture): Float32Array {
  const d = mixture.dims;
  return Float32Array.from({ length: mixture.components }, (_, k) => {
    const l = componentFactor(mixture, k);
    let logDet = 0;
    for (let i = 0; i < d; i++) logDet += Math.log(l[i * d + i]!);
    return Math.log(mixture.weights[k]!) - logDet - 0.5 * d * LOG_2PI;
  });
}

/** Lᵀ of component k flattened so that a row vector z times it gives (L z)ᵀ. */
export function transposedFactor(mixture: GaussianMixture, k: number): Float32Array {
  const d = mixture.dims;
  const l = componentFactor(mixture, k);
  return Float32Array.from({ length: d * d }, (_, index) => l[(index % d) * d + Math.floor(index / d)]!);
}

/** L⁻ᵀ of component k (row-major d×d): a row vector (x − μ) times it is (L⁻¹(x − μ))ᵀ, whose squared norm is the Mahalanobis distance. */
export function precisionFactor(mixture: GaussianMixture, k: number): Float32Array {
  const d = mixture.dims;
  const inverse = invertLower(componentFactor(mixture, k), d);
  return Float32Array.from({ length: d * d }, (_, index) => inverse[(index % d) * d + Math.floor(index / d)]!);
}

/** True when every component has the same spherical scale (a KDE): the noise is then scaled by one constant. */
export function sharedSphericalScale(mixture: GaussianMixture): number | undefined {
  if (mixture.covarianceType !== 'spherical') return undefined;
  const first = mixture.scales[0]!;
  return mixture.scales.every((s) => s === first) ? first : undefined;
}
