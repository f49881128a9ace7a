import { describe, expect, it } from 'vitest';
import { fitGaussianMixture } from '../em.js';
import { COVARIANCE_TYPES } from '../gaussian-mixture.js';
import { kdeMixture } from '../kde.js';
import { fitPca, pcaProject } from '../pca.js';
import { blobs } from '../test-support.js';
import { buildDensityGraph, DIRECT_DIFFERENCE_LIMIT } from './density-graph.js';
import { measureGraphParity } from './graph-parity.js';
import { buildSamplingGraph } from './sampling-graph.js';

const centres = [
  [-2, 0],
  [2, 0.5],
  [0, 3],
];

describe('exported mixture graphs', () => {
  it('match the TypeScript mixture in onnxruntime for every covariance type', async () => {
    const train = blobs(centres, 60, 0.4, 1);
    const probe = blobs([[0, 0]], 50, 3, 2);
    for (const covarianceType of COVARIANCE_TYPES) {
      const { mixture } = fitGaussianMixture(train, { components: 3, covarianceType, seed: 1 });
      const sampling = buildSamplingGraph(mixture, { name: 'sampling' });
      const density = buildDensityGraph(mixture, { name: 'density' });
      expect(sampling.inputs.map((s) => [s.name, s.role, s.shape])).toEqual([
        ['z', 'latent', ['batch', 2]],
        ['component', 'component', ['batch', 3]],
      ]);
      expect(sampling.outputs[0]).toMatchObject({ name: 'point', role: 'point', shape: ['batch', 2] });
      expect(density.outputs[0]).toMatchObject({ name: 'log_density', role: 'logDensity', shape: ['batch'] });
      const parity = await measureGraphParity(mixture, { sampling: sampling.bytes, density: density.bytes }, probe);
      expect(parity.maxRelError, covarianceType).toBeLessThan(1e-5);
    }
  });

  it('exports a KDE both with broadcast differences and with the expanded distance', async () => {
    const small = blobs(centres, 20, 0.3, 3);
    const kde = kdeMixture(small, 0.2);
    const graph = buildDensityGraph(kde, { name: 'kde' });
    expect(graph.nodesByType.Sub).toBe(1);
    const probe = blobs([[0, 1]], 40, 2, 4);
    await measureGraphParity(kde, { sampling: buildSamplingGraph(kde, { name: 's' }).bytes, density: graph.bytes }, probe);

    const large = kdeMixture(blobs(centres, Math.ceil(DIRECT_DIFFERENCE_LIMIT / 6) + 1, 0.3, 5), 0.25);
    const expanded = buildDensityGraph(large, { name: 'kde-large' });
    expect(expanded.nodesByType.Sub).toBeUndefined();
    const parity = await measureGraphParity(large, { sampling: buildSamplingGraph(large, { name: 's' }).bytes, density: expanded.bytes }, probe);
    expect(parity.densityMaxRelError).toBeLessThan(1e-4);
  });

  it('adds the PCA projection for image models, clipping samples to [0, 1]', async () => {
    const images = blobs([Array.from({ length: 16 }, (_, i) => (i % 5) / 4)], 200, 0.15, 6);
    images.data.forEach((v, i) => (images.data[i] = Math.min(1, Math.max(0, v))));
    const pca = fitPca(images, 3);
    const { mixture } = fitGaussianMixture(pcaProject(pca, images), { components: 2, covarianceType: 'diag', seed: 2 });
    const sampling = buildSamplingGraph(mixture, { name: 's', pca });
    const density = buildDensityGraph(mixture, { name: 'd', pca });
    expect(sampling.outputs[0]).toMatchObject({ name: 'image', role: 'image', shape: ['batch', 1, 4, 4], layout: 'NCHW', range: [0, 1] });
    expect(density.inputs[0]).toMatchObject({ name: 'image', role: 'image', shape: ['batch', 1, 4, 4] });
    const parity = await measureGraphParity(mixture, { sampling: sampling.bytes, density: density.bytes }, images, { pca });
    expect(parity.maxRelError).toBeLessThan(1e-4);
    expect(() => buildSamplingGraph({ ...mixture, dims: 4 }, { name: 'x', pca })).toThrow(/PCA keeps 3/);
    expect(() => buildDensityGraph({ ...mixture, dims: 4 }, { name: 'x', pca })).toThrow(/PCA keeps 3/);
  });

  it('refuses to ship graphs that disagree with the model', async () => {
    const train = blobs(centres, 30, 0.4, 7);
    const { mixture } = fitGaussianMixture(train, { components: 2, covarianceType: 'full', seed: 1 });
    const other = { ...mixture, means: mixture.means.map((v) => v + 0.1) };
    const graphs = { sampling: buildSamplingGraph(other, { name: 's' }).bytes, density: buildDensityGraph(mixture, { name: 'd' }).bytes };
    await expect(measureGraphParity(mixture, graphs, train)).rejects.toThrow(/not shipping them/);
  });
});
