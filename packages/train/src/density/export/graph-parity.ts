import { OrtAdapter, tensor, type TensorData } from '@genzoo/node';
import { Rng } from '../../random/rng.js';
import { mixtureLogDensity, sampleMixture, type GaussianMixture } from '../gaussian-mixture.js';
import { pcaProject, pcaReconstruct, type Pca } from '../pca.js';
import type { Points } from '../points.js';

/** Largest relative difference (|onnx − ts| / max(1, |ts|)) an exported graph may have. For log-densities this bounds the relative error of the density itself. */
export const DENSITY_PARITY_TOLERANCE = 1e-4;

/** What {@link measureGraphParity} found. */
export interface GraphParity {
  samplingMaxRelError: number;
  densityMaxRelError: number;
  /** The larger of the two. */
  maxRelError: number;
}

function maxRelativeError(expected: ArrayLike<number>, actual: ArrayLike<number>): number {
  if (expected.length !== actual.length) throw new Error(`parity: expected ${expected.length} values, the graph gave ${actual.length}`);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i]! - expected[i]!) / Math.max(1, Math.abs(expected[i]!));
    worst = Number.isNaN(error) ? Infinity : Math.max(worst, error);
  }
  return worst;
}

async function runGraph(bytes: Uint8Array, feeds: Record<string, TensorData>, output: string): Promise<Float32Array> {
  const session = await new OrtAdapter().createSession(bytes, 'cpu');
  try {
    return (await session.run(feeds))[output]!.data as Float32Array;
  } finally {
    await session.release();
  }
}

/**
 * Runs both exported graphs in onnxruntime-node (cpu) and compares them with the TypeScript model:
 * the sampling graph on `samples` rows of seeded noise and components, the density graph on `probe`
 * (points, or flattened images in [0, 1] for a PCA model) and on the samples themselves.
 * @throws when either differs by more than {@link DENSITY_PARITY_TOLERANCE}: a wrong graph never ships.
 */
export async function measureGraphParity(
  mixture: GaussianMixture,
  graphs: { sampling: Uint8Array; density: Uint8Array },
  probe: Points,
  options: { pca?: Pca; samples?: number; seed?: number } = {},
): Promise<GraphParity> {
  const { dims: d, components: K } = mixture;
  const n = options.samples ?? 256;
  const rng = new Rng(options.seed ?? 11);
  const noise = { rows: n, cols: d, data: Float64Array.from({ length: n * d }, () => rng.nextNormal()) };
  const components = Array.from({ length: n }, () => rng.nextInt(K));
  const oneHot = new Float32Array(n * K);
  components.forEach((k, i) => (oneHot[i * K + k] = 1));
  let expectedSamples = sampleMixture(mixture, components, noise);
  if (options.pca) expectedSamples = pcaReconstruct(options.pca, expectedSamples);
  const expectedData = options.pca ? expectedSamples.data.map((v) => Math.min(1, Math.max(0, v))) : expectedSamples.data;
  const sampleDims = options.pca ? [n, 1, Math.sqrt(options.pca.inputDims), Math.sqrt(options.pca.inputDims)] : [n, d];
  const sampled = await runGraph(graphs.sampling, { z: tensor(Float32Array.from(noise.data), [n, d]), component: tensor(oneHot, [n, K]) }, options.pca ? 'image' : 'point');
  const samplingMaxRelError = maxRelativeError(expectedData, sampled);

  // Density on the probe and on the graph's own samples (as float32, the way a runtime feeds them).
  const cols = probe.cols;
  const inputs = { rows: probe.rows + n, cols, data: new Float64Array((probe.rows + n) * cols) };
  inputs.data.set(Float32Array.from(probe.data), 0);
  inputs.data.set(sampled, probe.rows * cols);
  const expectedDensity = mixtureLogDensity(mixture, options.pca ? pcaProject(options.pca, inputs) : inputs);
  const densityDims = options.pca ? [inputs.rows, ...sampleDims.slice(1)] : [inputs.rows, d];
  const density = await runGraph(graphs.density, { [options.pca ? 'image' : 'point']: tensor(Float32Array.from(inputs.data), densityDims) }, 'log_density');
  const densityMaxRelError = maxRelativeError(expectedDensity, density);

  const parity = { samplingMaxRelError, densityMaxRelError, maxRelError: Math.max(samplingMaxRelError, densityMaxRelError) };
  if (!(parity.maxRelError <= DENSITY_PARITY_TOLERANCE)) {
    throw new Error(`exported graphs differ from the TypeScript model (sampling ${samplingMaxRelError.toExponential(2)}, density ${densityMaxRelError.toExponential(2)}; limit ${DENSITY_PARITY_TOLERANCE}); not shipping them`);
  }
  return parity;
}
