import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { Points } from './points.js';

/** A principal-component projection: x ↦ (x − mean) Cᵀ, z ↦ z C + mean, with orthonormal rows C. */
export interface Pca {
  /** Input dimension. */
  inputDims: number;
  /** Kept components k. */
  dims: number;
  mean: Float64Array;
  /** k×inputDims, one unit principal direction per row, by decreasing variance. */
  components: Float64Array;
  /** Variance along each kept direction. */
  explainedVariance: Float64Array;
  /** Total variance of the data (trace of its covariance). */
  totalVariance: number;
}

/** Fits PCA by the eigendecomposition of the sample covariance (ml-matrix). Signs: each direction's largest coordinate is positive. */
export function fitPca(x: Points, dims: number): Pca {
  const { rows: n, cols: p } = x;
  if (!Number.isInteger(dims) || dims < 1 || dims > p) throw new Error(`PCA dims must be an integer in [1, ${p}], got ${dims}`);
  if (n < 2) throw new Error(`PCA needs at least 2 points, got ${n}`);
  const mean = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[j]! += x.data[i * p + j]!;
  for (let j = 0; j < p; j++) mean[j]! /= n;
  const centred = new Matrix(n, p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) centred.set(i, j, x.data[i * p + j]! - mean[j]!);
  const covariance = centred.transpose().mmul(centred).div(n - 1);
  const eigen = new EigenvalueDecomposition(covariance, { assumeSymmetric: true });
  const values = eigen.realEigenvalues;
  const vectors = eigen.eigenvectorMatrix;
  const order = values.map((_, i) => i).sort((a, b) => values[b]! - values[a]!);
  const components = new Float64Array(dims * p);
  const explainedVariance = new Float64Array(dims);
  for (let c = 0; c < dims; c++) {
    const column = order[c]!;
    let largest = 0;
    for (let j = 0; j < p; j++) if (Math.abs(vectors.get(j, column)) > Math.abs(largest)) largest = vectors.get(j, column);
    const sign = largest < 0 ? -1 : 1;
    for (let j = 0; j < p; j++) components[c * p + j] = sign * vectors.get(j, column);
    explainedVariance[c] = Math.max(0, values[column]!);
  }
  return { inputDims: p, dims, mean, components, explainedVariance, totalVariance: values.reduce((s, v) => s + Math.max(0, v), 0) };
}

/** Coordinates of `x` along the kept directions. */
export function pcaProject(pca: Pca, x: Points): Points {
  const { inputDims: p, dims: k, mean, components } = pca;
  if (x.cols !== p) throw new Error(`PCA takes ${p} coordinates, got ${x.cols}`);
  const out = new Float64Array(x.rows * k);
  for (let i = 0; i < x.rows; i++) {
    for (let c = 0; c < k; c++) {
      let sum = 0;
      for (let j = 0; j < p; j++) sum += (x.data[i * p + j]! - mean[j]!) * components[c * p + j]!;
      out[i * k + c] = sum;
    }
  }
  return { rows: x.rows, cols: k, data: out };
}

/** Back to the input space: z C + mean. */
export function pcaReconstruct(pca: Pca, z: Points): Points {
  const { inputDims: p, dims: k, mean, components } = pca;
  if (z.cols !== k) throw new Error(`PCA reconstruction takes ${k} coordinates, got ${z.cols}`);
  const out = new Float64Array(z.rows * p);
  for (let i = 0; i < z.rows; i++) {
    for (let j = 0; j < p; j++) out[i * p + j] = mean[j]!;
    for (let c = 0; c < k; c++) {
      const value = z.data[i * k + c]!;
      for (let j = 0; j < p; j++) out[i * p + j]! += value * components[c * p + j]!;
    }
  }
  return { rows: z.rows, cols: p, data: out };
}
