import type { FeatureMatrix } from '../features/feature-matrix.js';
import { assertSameWidth } from '../features/feature-matrix.js';
import { fitGaussian, type GaussianFit } from '../linalg/gaussian-fit.js';
import { trace, traceSqrtProduct } from '../linalg/symmetric.js';

/**
 * Fréchet distance between two Gaussians: ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^½).
 * Rounding can leave a tiny negative value for identical fits; that is returned as 0.
 */
export function frechetDistance(a: GaussianFit, b: GaussianFit): number {
  let meanTerm = 0;
  for (let index = 0; index < a.mean.length; index++) meanTerm += (a.mean[index]! - b.mean[index]!) ** 2;
  const value = meanTerm + trace(a.covariance) + trace(b.covariance) - 2 * traceSqrtProduct(a.covariance, b.covariance);
  return Math.max(0, value);
}

/** FID between two sets of features (Gaussian fits of each). Biased upward for small sets: compare like with like. */
export function fid(a: FeatureMatrix, b: FeatureMatrix): number {
  assertSameWidth(a, b, 'FID');
  return frechetDistance(fitGaussian(a), fitGaussian(b));
}
