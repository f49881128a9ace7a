import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseManifest, tensor, type GraphRole, type GraphSpec, type Manifest } from '@genzoo/core';
import { loadModel, writeSampleGrid } from '@genzoo/node';
import { loadModelFiles } from '../checkpoint/model-files.js';
import { loadDataset } from '../data/load-dataset.js';
import { SPLIT_SEED } from '../data/split.js';
import type { TrainedModels } from '../families/training-family.js';
import type { TrainingSummary } from '../trainers/training-run.js';
import { exportGraph } from './graph-export.js';
import { readTrainingSummary, trainingRecord } from './run-summary.js';
import { buildFolderAtomically } from './staged-folder.js';
import { measureExportParity } from './export-parity.js';
import { renderModelCard } from './model-card.js';
import { getPublishProfile, type SampleGridSpec } from './publish-profile.js';
import { heldOutImages, type HeldOutImages } from './figures/held-out-images.js';
import { modelFigures, RECONSTRUCTION_COUNT, renderModelFigures, withFigureFiles, type CardFigure } from './figures/model-figures.js';
import { readSiblingManifests } from './sibling-manifests.js';
import { loadDatasetSource, resolveDatasetSource } from '../data/dataset-source.js';
import { datasetIdentifier } from './model-id.js';
import { publishedClassFigures } from './evaluation-classifier.js';

export interface PublishRequest {
  models: TrainedModels;
  summary: TrainingSummary;
  /** Model id, e.g. `dcgan-mnist`; also the manifest `id`. */
  id: string;
  /** The model folder to (re)write, e.g. `models/dcgan-mnist`. */
  outDir: string;
  /** Seed of the `samples.png` grid. */
  sampleSeed?: number;
  /** The training run folder, for figures drawn from its loss history. */
  runDir?: string;
}

/** The seed whose samples every shipped `samples.png` shows. */
export const SAMPLE_SEED = 0;

/**
 * Turns trained tfjs models into a shipped model folder: ONNX graphs (each checked against tfjs),
 * `manifest.json`, `samples.png` rendered from the ONNX by onnxruntime-node, and the model card.
 * The folder is built beside the target and swapped in at the end, so a failure leaves the old one intact.
 */
export async function publishModel({ models, summary, id, outDir, sampleSeed = SAMPLE_SEED, runDir }: PublishRequest): Promise<Manifest> {
  const profile = getPublishProfile(summary.family, summary);
  return buildFolderAtomically(outDir, async (staging) => {
    const graphs: Partial<Record<GraphRole, GraphSpec>> = {};
    let exportMaxAbsError = 0;
    for (const role of ['generator', 'encoder'] as const) {
      const model = models[role];
      const contract = profile.graphs[role];
      if (!model || !contract) continue;
      const exported = exportGraph(
        { model, ...contract, docString: `${profile.name}: ${role}`, metadata: { 'genzoo.id': id, 'genzoo.role': role } },
        staging,
      );
      exportMaxAbsError = Math.max(exportMaxAbsError, await measureExportParity(model, exported.bytes, exported.spec));
      graphs[role] = exported.spec;
    }
    const latentSize = models.generator.inputs[0]!.shape[1]!;
    const [height, width, channels] = models.generator.outputs[0]!.shape.slice(1) as [number, number, number];
    const datasetSize = summary.datasetSize ?? loadDataset(summary.dataset).count;
    let manifest = parseManifest(
      {
        schemaVersion: 1,
        id,
        name: profile.name,
        family: profile.family,
        description: profile.description,
        dataset: {
          name: datasetIdentifier(summary.dataset),
          trainSize: datasetSize - summary.config.evalCount,
          heldOutSize: summary.config.evalCount,
          splitSeed: SPLIT_SEED,
        },
        latent: { size: latentSize, distribution: 'normal' },
        image: { width, height, channels },
        graphs,
        training: trainingRecord(summary, profile.objective),
        metrics: { ...summary.metrics, exportMaxAbsError },
        files: { samples: 'samples.png', card: 'README.md' },
        createdAt: new Date().toISOString(),
      },
      `${id}/manifest.json`,
    );
    manifest = withFigureFiles(manifest, modelFigures(manifest));
    writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const generator = await loadModel(staging, { device: 'cpu' });
    let figures: CardFigure[];
    let classMetrics: Record<string, number> = {};
    try {
      const grid: Pick<SampleGridSpec, 'n' | 'columns' | 'labels'> = profile.sampleGrid ?? { n: 64, columns: 8 };
      const result = await generator.sample({ n: grid.n, seed: sampleSeed, labels: grid.labels });
      await writeSampleGrid(generator.toRgba(result), join(staging, manifest.files.samples), { columns: grid.columns });
      figures = await renderModelFigures(generator, staging, manifest.graphs.encoder ? await heldOutFor(summary, manifest.graphs.encoder) : undefined);
      if (profile.classFigures) classMetrics = await publishedClassFigures(generator, summary.dataset, summary.config.evalCount, profile.classFigures);
      const familyFigures = (await profile.publishFigures?.({ generator, folder: staging, summary, ...(runDir === undefined ? {} : { runDir }) })) ?? [];
      manifest = withFigureFiles(manifest, familyFigures);
      figures.push(...familyFigures);
    } finally {
      await generator.dispose();
    }
    manifest = { ...manifest, metrics: { ...manifest.metrics, ...classMetrics } };
    writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const siblings = readSiblingManifests(dirname(resolve(outDir)), id);
    writeFileSync(join(staging, manifest.files.card), renderModelCard(manifest, profile, summary, { figures, siblings }));
    return manifest;
  });
}

/** The held-out images a reconstruction figure shows, from the run's dataset and split, in the encoder's image range. */
async function heldOutFor(summary: TrainingSummary, encoder: GraphSpec): Promise<HeldOutImages> {
  const dataset = await loadDatasetSource(resolveDatasetSource(summary.dataset), { size: 28, channels: 1 });
  const heldOut = heldOutImages(dataset, summary.config.evalCount, RECONSTRUCTION_COUNT);
  const [low, high] = encoder.inputs.find((spec) => spec.role === 'image')?.range ?? [0, 1];
  return { ...heldOut, images: tensor(heldOut.images.data.map((unit) => low + unit * (high - low)), heldOut.images.dims) };
}

/** Publishes from a finished training run folder (`generator/`, optional `encoder/`, `training.json`). */
export async function publishRun(runDir: string, id: string, outDir: string): Promise<Manifest> {
  const summary = readTrainingSummary(runDir);
  const models: TrainedModels = { generator: await loadModelFiles(join(runDir, 'generator')) };
  if (getPublishProfile(summary.family, summary).graphs.encoder) models.encoder = await loadModelFiles(join(runDir, 'encoder'));
  return publishModel({ models, summary, id, outDir, runDir });
}
