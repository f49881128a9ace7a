import type { TensorSpec } from '@genzoo/core';
import { OnnxGraph, type BuiltGraph, type OnnxValue } from '@genzoo/tfjs-onnx';
import type { GaussianMixture } from '../gaussian-mixture.js';
import type { Pca } from '../pca.js';
import { sharedSphericalScale, transposedFactor } from './mixture-terms.js';
import { emitReconstruction, imageSide } from './pca-ops.js';

/** An exported graph and the manifest contract of its inputs and outputs. */
export interface DensityModelGraph extends BuiltGraph {
  inputs: TensorSpec[];
  outputs: TensorSpec[];
}

/** L_c z for each row, where c is the row's one-hot component. */
function emitScaledNoise(graph: OnnxGraph, z: OnnxValue, component: OnnxValue, mixture: GaussianMixture): OnnxValue {
  const { dims: d, components: K, scales } = mixture;
  const shared = sharedSphericalScale(mixture);
  if (shared !== undefined) return graph.mul(z, graph.constant('bandwidth', [shared], []));
  switch (mixture.covarianceType) {
    case 'spherical':
      return graph.mul(z, graph.matMul(component, graph.constant('scales', Float32Array.from(scales), [K, 1])));
    case 'diag':
      return graph.mul(z, graph.matMul(component, graph.constant('scales', Float32Array.from(scales), [K, d])));
    case 'tied':
      return graph.matMul(z, graph.constant('factor_t', transposedFactor(mixture, 0), [d, d]));
    case 'full': {
      // z · [L_0ᵀ | L_1ᵀ | …] gives every component's L_k z; the one-hot row picks one.
      const stacked = new Float32Array(d * K * d);
      for (let k = 0; k < K; k++) {
        const lt = transposedFactor(mixture, k);
        for (let j = 0; j < d; j++) for (let i = 0; i < d; i++) stacked[j * K * d + k * d + i] = lt[j * d + i]!;
      }
      const all = graph.reshape(graph.matMul(z, graph.constant('factors_t', stacked, [d, K * d])), [-1, K, d]);
      return graph.reduceSum(graph.mul(all, graph.unsqueeze(component, [2])), [1]);
    }
  }
}

/**
 * The sampling graph, a pure function: `z` (standard normal noise, [batch, d]) and `component`
 * (one-hot, [batch, K]) → `point` = onehot·Means + L_c z. With a PCA, the point is mapped back to
 * pixels and the graph outputs `image` [batch, 1, side, side] in [0, 1] instead.
 */
export function buildSamplingGraph(mixture: GaussianMixture, options: { name: string; pca?: Pca; docString?: string; metadata?: Record<string, string> }): DensityModelGraph {
  const { dims: d, components: K } = mixture;
  if (options.pca && options.pca.dims !== d) throw new Error(`the mixture is over ${d} dimensions but the PCA keeps ${options.pca.dims}`);
  const graph = new OnnxGraph(options.name);
  const z = graph.input('z', ['batch', d]);
  const component = graph.input('component', ['batch', K]);
  const centre = graph.matMul(component, graph.constant('means', Float32Array.from(mixture.means), [K, d]));
  const point = graph.add(centre, emitScaledNoise(graph, z, component, mixture));
  const inputs: TensorSpec[] = [
    { name: 'z', role: 'latent', dtype: 'float32', shape: ['batch', d] },
    { name: 'component', role: 'component', dtype: 'float32', shape: ['batch', K] },
  ];
  let outputs: TensorSpec[];
  if (options.pca) {
    const side = imageSide(options.pca);
    graph.output(emitReconstruction(graph, point, options.pca), 'image', ['batch', 1, side, side]);
    outputs = [{ name: 'image', role: 'image', dtype: 'float32', shape: ['batch', 1, side, side], layout: 'NCHW', range: [0, 1] }];
  } else {
    graph.output(point, 'point', ['batch', d]);
    outputs = [{ name: 'point', role: 'point', dtype: 'float32', shape: ['batch', d] }];
  }
  const built = graph.build({ ...(options.docString ? { docString: options.docString } : {}), ...(options.metadata ? { metadata: options.metadata } : {}) });
  return { ...built, inputs, outputs };
}
