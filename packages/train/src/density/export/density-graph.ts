import type { TensorSpec } from '@genzoo/core';
import { OnnxGraph, type OnnxValue } from '@genzoo/tfjs-onnx';
import type { GaussianMixture } from '../gaussian-mixture.js';
import type { Pca } from '../pca.js';
import { componentConstants, precisionFactor } from './mixture-terms.js';
import { emitProjection, imageSide } from './pca-ops.js';
import type { DensityModelGraph } from './sampling-graph.js';

/** Above this many mean coordinates (K·d) spherical distances are expanded as |x|² − 2x·μ + |μ|² instead of broadcasting a [batch, K, d] difference. */
export const DIRECT_DIFFERENCE_LIMIT = 20_000;

/** Squared Mahalanobis distance of every row to every component, [batch, K]. */
function emitMahalanobis(graph: OnnxGraph, x: OnnxValue, mixture: GaussianMixture): OnnxValue {
  const { dims: d, components: K, means, scales } = mixture;
  const type = mixture.covarianceType;
  if (type === 'spherical' && K * d > DIRECT_DIFFERENCE_LIMIT) {
    const inverseVariance = Float32Array.from(scales, (s) => 1 / (s * s));
    const scaledMeansT = new Float32Array(d * K);
    const meanTerms = new Float32Array(K);
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < d; j++) {
        scaledMeansT[j * K + k] = (-2 * means[k * d + j]!) / (scales[k]! * scales[k]!);
        meanTerms[k]! += means[k * d + j]! ** 2 / (scales[k]! * scales[k]!);
      }
    }
    const norms = graph.reduceSum(graph.mul(x, x), [1], true);
    const cross = graph.matMul(x, graph.constant('scaled_means_t', scaledMeansT, [d, K]));
    return graph.add(graph.add(graph.mul(norms, graph.constant('inverse_variances', inverseVariance, [K])), cross), graph.constant('mean_terms', meanTerms, [K]));
  }
  const diff = graph.sub(graph.unsqueeze(x, [1]), graph.constant('means', Float32Array.from(means), [K, d]));
  if (type === 'spherical' || type === 'diag') {
    const inverse = Float32Array.from(scales, (s) => 1 / s);
    const scaled = graph.mul(diff, graph.constant('inverse_scales', inverse, type === 'spherical' ? [K, 1] : [K, d]));
    return graph.reduceSum(graph.mul(scaled, scaled), [2]);
  }
  if (type === 'tied') {
    const solved = graph.matMul(diff, graph.constant('precision_factor', precisionFactor(mixture, 0), [d, d]));
    return graph.reduceSum(graph.mul(solved, solved), [2]);
  }
  const factors = new Float32Array(K * d * d);
  for (let k = 0; k < K; k++) factors.set(precisionFactor(mixture, k), k * d * d);
  // [K, batch, d] × [K, d, d]: each component's differences through its own L⁻ᵀ.
  const solved = graph.matMul(graph.transpose(diff, [1, 0, 2]), graph.constant('precision_factors', factors, [K, d, d]));
  return graph.transpose(graph.reduceSum(graph.mul(solved, solved), [2]), [1, 0]);
}

/**
 * The density graph: `point` [batch, d] (or, with a PCA, `image` [batch, 1, side, side], projected
 * first — the density is then over the PCA coordinates) → `log_density` [batch], nats, by
 * ReduceLogSumExp over components of log w_k + log N(x | μ_k, Σ_k).
 */
export function buildDensityGraph(mixture: GaussianMixture, options: { name: string; pca?: Pca; docString?: string; metadata?: Record<string, string> }): DensityModelGraph {
  const d = mixture.dims;
  if (options.pca && options.pca.dims !== d) throw new Error(`the mixture is over ${d} dimensions but the PCA keeps ${options.pca.dims}`);
  const graph = new OnnxGraph(options.name);
  let x: OnnxValue;
  let inputs: TensorSpec[];
  if (options.pca) {
    const side = imageSide(options.pca);
    x = emitProjection(graph, graph.input('image', ['batch', 1, side, side]), options.pca);
    inputs = [{ name: 'image', role: 'image', dtype: 'float32', shape: ['batch', 1, side, side], layout: 'NCHW', range: [0, 1] }];
  } else {
    x = graph.input('point', ['batch', d]);
    inputs = [{ name: 'point', role: 'point', dtype: 'float32', shape: ['batch', d] }];
  }
  const mahalanobis = emitMahalanobis(graph, x, mixture);
  const logits = graph.add(graph.mul(mahalanobis, graph.constant('minus_half', [-0.5], [])), graph.constant('component_constants', componentConstants(mixture), [mixture.components]));
  graph.output(graph.reduceLogSumExp(logits, [1]), 'log_density', ['batch']);
  const built = graph.build({ ...(options.docString ? { docString: options.docString } : {}), ...(options.metadata ? { metadata: options.metadata } : {}) });
  return { ...built, inputs, outputs: [{ name: 'log_density', role: 'logDensity', dtype: 'float32', shape: ['batch'] }] };
}
