import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest, type GraphRole, type GraphSpec, type Manifest } from '@genzoo/core';
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
import { getPublishProfile } from './publish-profile.js';

export interface PublishRequest {
  models: TrainedModels;
  summary: TrainingSummary;
  /** Model id, e.g. `dcgan-mnist`; also the manifest `id`. */
  id: string;
  /** The model folder to (re)write, e.g. `models/dcgan-mnist`. */
  outDir: string;
  /** Seed of the `samples.png` grid. */
  sampleSeed?: number;
}

/** The seed whose samples every shipped `samples.png` shows. */
export const SAMPLE_SEED = 0;

/**
 * Turns trained tfjs models into a shipped model folder: ONNX graphs (each checked against tfjs),
 * `manifest.json`, `samples.png` rendered from the ONNX by onnxruntime-node, and the model card.
 * The folder is built beside the target and swapped in at the end, so a failure leaves the old one intact.
 */
export async function publishModel({ models, summary, id, outDir, sampleSeed = SAMPLE_SEED }: PublishRequest): Promise<Manifest> {
  const profile = getPublishProfile(summary.family);
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
    const datasetSize = loadDataset(summary.dataset).count;
    const manifest = parseManifest(
      {
        schemaVersion: 1,
        id,
        name: profile.name,
        family: profile.family,
        description: profile.description,
        dataset: {
          name: summary.dataset,
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
    writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const generator = await loadModel(staging, { device: 'cpu' });
    try {
      const result = await generator.sample({ n: 64, seed: sampleSeed });
      await writeSampleGrid(generator.toRgba(result), join(staging, manifest.files.samples), { columns: 8 });
    } finally {
      await generator.dispose();
    }
    writeFileSync(join(staging, manifest.files.card), renderModelCard(manifest, profile, summary));
    return manifest;
  });
}

/** Publishes from a finished training run folder (`generator/`, optional `encoder/`, `training.json`). */
export async function publishRun(runDir: string, id: string, outDir: string): Promise<Manifest> {
  const summary = readTrainingSummary(runDir);
  const models: TrainedModels = { generator: await loadModelFiles(join(runDir, 'generator')) };
  if (getPublishProfile(summary.family).graphs.encoder) models.encoder = await loadModelFiles(join(runDir, 'encoder'));
  return publishModel({ models, summary, id, outDir });
}
