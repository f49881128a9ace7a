import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { boundsOf, parseManifest, plotGrid, tensor, type GraphSpec, type Manifest } from '@genzoo/core';
import { loadModel, writePng, writeSampleGrid, type Generator } from '@genzoo/node';
import { DEFAULT_OPSET } from '@genzoo/tfjs-onnx';
import { buildFolderAtomically } from '../../publish/staged-folder.js';
import { buildDensityGraph } from '../export/density-graph.js';
import { measureGraphParity } from '../export/graph-parity.js';
import { buildSamplingGraph, type DensityModelGraph } from '../export/sampling-graph.js';
import type { FittedDensityModel } from '../fit-density-model.js';
import { renderDensityPlot } from '../plot/density-plot.js';
import { renderDensityCard } from './density-card.js';
import { densityTrainingRecord, describeDensityModel } from './density-record.js';

/** Samples drawn over the density in a 2-D model's `samples.png` (the 2-D protocol's count). */
export const PLOT_SAMPLES = 2500;
/** Heat-map samples per side of the density plot. */
const PLOT_RESOLUTION = 240;

function graphSpec(file: string, graph: DensityModelGraph): GraphSpec {
  return {
    file,
    sha256: createHash('sha256').update(graph.bytes).digest('hex'),
    bytes: graph.bytes.byteLength,
    opset: DEFAULT_OPSET,
    inputs: graph.inputs,
    outputs: graph.outputs,
  };
}

async function writePointPlot(generator: Generator, model: FittedDensityModel, path: string, seed: number): Promise<void> {
  const { points } = await generator.samplePoints({ n: PLOT_SAMPLES, seed });
  const train = model.data.train;
  const bounds = boundsOf([tensor(Float32Array.from(train.data), [train.rows, 2])], 0.08);
  const grid = plotGrid(bounds, PLOT_RESOLUTION);
  const logDensity = new Float32Array(PLOT_RESOLUTION * PLOT_RESOLUTION);
  const chunk = 4096;
  for (let start = 0; start < logDensity.length; start += chunk) {
    const rows = Math.min(chunk, logDensity.length - start);
    const { logDensity: values } = await generator.logDensity(tensor(grid.data.slice(start * 2, (start + rows) * 2) as Float32Array, [rows, 2]));
    logDensity.set(values.data as Float32Array, start);
  }
  await writePng(renderDensityPlot({ bounds, resolution: PLOT_RESOLUTION, logDensity, data: train.data, samples: points.data }), path);
}

/**
 * Ships a fitted KDE or Gaussian mixture as a model folder: the sampling and density graphs (each
 * checked against the TypeScript model in onnxruntime-node), `manifest.json`, `samples.png` (a density
 * plot with samples for 2-D models, a sample grid for PCA image models, rendered from the ONNX through
 * @genzoo/node) and the model card. Built beside `outDir` and swapped in at the end.
 */
export async function publishDensityModel(model: FittedDensityModel, options: { id: string; outDir: string; sampleSeed?: number }): Promise<Manifest> {
  const { id, outDir } = options;
  const sampleSeed = options.sampleSeed ?? 0;
  const { mixture, data } = model;
  const pca = data.pca;
  const metadata = { 'genzoo.id': id };
  const describe = describeDensityModel(model);
  const sampling = buildSamplingGraph(mixture, { name: 'sampler', ...(pca ? { pca } : {}), docString: `${describe.name}: sampler`, metadata });
  const density = buildDensityGraph(mixture, { name: 'density', ...(pca ? { pca } : {}), docString: `${describe.name}: log-density`, metadata });
  const parity = await measureGraphParity(mixture, { sampling: sampling.bytes, density: density.bytes }, data.heldOutInputs, pca ? { pca } : {});
  return buildFolderAtomically(outDir, async (staging) => {
    writeFileSync(join(staging, 'sampler.onnx'), sampling.bytes);
    writeFileSync(join(staging, 'density.onnx'), density.bytes);
    const side = pca ? Math.round(Math.sqrt(pca.inputDims)) : 0;
    const manifest = parseManifest(
      {
        schemaVersion: 1,
        id,
        name: describe.name,
        family: model.family,
        description: describe.description,
        dataset: { name: data.name, ...data.split },
        ...(pca ? { image: { width: side, height: side, channels: 1 } } : { points: { dims: mixture.dims } }),
        latent: { size: mixture.dims, distribution: 'normal' },
        mixture: { components: mixture.components, ...(model.family === 'gmm' ? { weights: Array.from(mixture.weights) } : {}) },
        graphs: { generator: graphSpec('sampler.onnx', sampling), density: graphSpec('density.onnx', density) },
        training: densityTrainingRecord(model),
        metrics: {
          heldOutLogLikelihood: model.heldOutLogLikelihood,
          trainLogLikelihood: model.trainLogLikelihood,
          exportMaxRelError: parity.maxRelError,
          ...(model.selection.family === 'kde' ? { bandwidth: model.selection.curve.bandwidth } : { components: mixture.components, bic: model.selection.chosen.bic }),
        },
        files: { samples: 'samples.png', card: 'README.md' },
        createdAt: new Date().toISOString(),
      },
      `${id}/manifest.json`,
    );
    writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const generator = await loadModel(staging, { device: 'cpu' });
    try {
      const path = join(staging, manifest.files.samples);
      if (pca) {
        const result = await generator.sample({ n: 64, seed: sampleSeed });
        await writeSampleGrid(generator.toRgba(result), path, { columns: 8 });
      } else {
        await writePointPlot(generator, model, path, sampleSeed);
      }
    } finally {
      await generator.dispose();
    }
    writeFileSync(join(staging, manifest.files.card), renderDensityCard(manifest, model));
    return manifest;
  });
}
