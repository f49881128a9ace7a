import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest, type Manifest } from '@genzoo/core';
import { featureMatrix, modeMetrics, SYNTHETIC_SAMPLES, type Mixture2d } from '@genzoo/metrics';
import { loadModel, writePng } from '@genzoo/node';
import type * as tf from '@tensorflow/tfjs';
import { exportGraph } from '../publish/graph-export.js';
import { buildFolderAtomically } from '../publish/staged-folder.js';
import { samplesOverData, snapshotStrip } from '../study/study-plots.js';
import type { StudySnapshot } from '../study/study-result.js';
import { renderPointGanCard } from './gan-2d-card.js';
import { TRAINING_POINTS } from './gan-2d-data.js';
import type { Gan2dSettings } from './gan-2d-settings.js';

const SNAPSHOTS_FILE = 'training-snapshots.png';

/** What a trained 2-D generator ships with. */
export interface PointGeneratorRecord {
  id: string;
  /** `gan-2d` or `veegan-2d`. */
  family: string;
  /** `ring` or `grid` (the names `genzoo eval` knows). */
  dataset: string;
  mixture: Mixture2d;
  settings: Gan2dSettings;
  seed: number;
  wallClockSeconds: number;
  /** The training backend's one-line summary. */
  backend: string;
  /** Generator samples over training, for the card's strip. */
  snapshots?: readonly StudySnapshot[];
}

function describe(record: PointGeneratorRecord): { name: string; description: string } {
  const { settings } = record;
  const averaged = settings.emaDecay === undefined ? '' : ', EMA of G';
  const method =
    settings.method === 'veegan'
      ? `VEEGAN${averaged ? ' (EMA of G)' : ''}`
      : settings.pack > 1
        ? `PacGAN${settings.pack} (${settings.loss}${averaged})`
        : settings.unrolled > 0
          ? `unrolled GAN (${settings.unrolled} steps, ${settings.loss}${averaged})`
          : `GAN (${settings.loss}${averaged})`;
  return {
    name: `${method}, ${record.dataset === 'ring' ? 'ring of 8 Gaussians' : '5×5 grid of Gaussians'}`,
    description: `An MLP generator (${settings.latentDim}-d normal z → ${settings.generatorHidden.join('×')} ReLU → point) trained as ${method} for ${settings.steps} steps; samples 2-D points.`,
  };
}

/**
 * Ships a trained 2-D generator as a points model: `generator.onnx` (latent z → point), a manifest with
 * `points: {dims: 2}`, `samples.png` (2,500 samples from the ONNX graph over the data), the training-snapshot
 * strip when the run took snapshots, and a card.
 * The mode metrics in `metrics` are measured on the shipped graph's samples (seed 0) with the σ of `mixture`.
 */
export async function publishPointGenerator(generator: tf.LayersModel, record: PointGeneratorRecord, outDir: string): Promise<Manifest> {
  const { id, settings, mixture } = record;
  const metadata = { 'genzoo.id': id };
  const { name, description } = describe(record);
  return buildFolderAtomically(outDir, async (staging) => {
    const graph = exportGraph(
      { model: generator, file: 'generator.onnx', inputs: [{ name: 'z', role: 'latent' }], outputs: [{ name: 'point', role: 'point' }], docString: `${name}: generator`, metadata },
      staging,
    );
    const draft = {
      schemaVersion: 1,
      id,
      name,
      family: record.family,
      description,
      // The protocol's set (ring σ 0.01), named apart from train's `ring` (σ 0.02) so `genzoo eval` scores it on the right one.
      dataset: { name: mixture.name, trainSize: TRAINING_POINTS, heldOutSize: 0, splitSeed: record.seed },
      points: { dims: 2 },
      latent: { size: settings.latentDim, distribution: 'normal' },
      graphs: { generator: graph.spec },
      training: {
        trainingFamily: record.family,
        seed: record.seed,
        wallClockSeconds: Math.round(record.wallClockSeconds),
        msPerStep: Math.round((1000 * record.wallClockSeconds) / Math.max(1, settings.steps)),
        backend: record.backend,
        dataNoiseStd: mixture.std,
        ...settings,
      },
      metrics: {} as Record<string, number>,
      files: {
        samples: 'samples.png',
        card: 'README.md',
        ...(record.snapshots === undefined ? {} : { figures: { 'The generator over training: 500 samples at eight points of the run, left to right': SNAPSHOTS_FILE } }),
      },
      createdAt: new Date().toISOString(),
    };
    writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(parseManifest(draft, `${id}/manifest.json`), null, 2)}\n`);
    const model = await loadModel(staging, { device: 'cpu' });
    let points: Float32Array;
    try {
      points = (await model.samplePoints({ n: SYNTHETIC_SAMPLES, seed: 0 })).points.data as Float32Array;
    } finally {
      await model.dispose();
    }
    const figures = modeMetrics(featureMatrix(points, SYNTHETIC_SAMPLES, 2), mixture);
    draft.metrics = { modesCaptured: figures.modesCaptured, highQuality: figures.highQuality, reverseKl: figures.reverseKl };
    const manifest = parseManifest(draft, `${id}/manifest.json`);
    writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await writePng(samplesOverData(mixture, Array.from(points)), join(staging, 'samples.png'));
    if (record.snapshots !== undefined) await writePng(snapshotStrip(mixture, record.snapshots), join(staging, SNAPSHOTS_FILE));
    const card = renderPointGanCard({
      ...record,
      name,
      description,
      figures,
      ...(record.snapshots === undefined ? {} : { snapshotsFile: SNAPSHOTS_FILE, snapshotSteps: record.snapshots.map((snapshot) => snapshot.step) }),
    });
    writeFileSync(join(staging, 'README.md'), card);
    return manifest;
  });
}
