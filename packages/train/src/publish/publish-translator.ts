import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { parseManifest, tensor, type GraphSpec, type Manifest } from '@genzoo/core';
import { OrtAdapter } from '@genzoo/node';
import { loadModelFiles } from '../checkpoint/model-files.js';
import { loadDatasetSource, resolveDatasetSource } from '../data/dataset-source.js';
import type { ImageDataset } from '../data/image-dataset.js';
import { SPLIT_SEED, splitDataset } from '../data/split.js';
import { subsetDataset } from '../data/translation-data.js';
import { domainImages, getPairedTask, getUnpairedTask } from '../data/translation-tasks.js';
import type { TrainingSummary } from '../trainers/training-run.js';
import { measureExportParity } from './export-parity.js';
import { exportGraph } from './graph-export.js';
import { datasetIdentifier } from './model-id.js';
import { readTrainingSummary, trainingRecord } from './run-summary.js';
import { buildFolderAtomically } from './staged-folder.js';
import { renderTranslatorCard } from './translator-card.js';
import { writeTranslationGrid, type GridRow } from './translator-grid.js';
import { translatorProfile, type TranslatorProfile } from './translator-profiles.js';

/** The trained translators of a run: `a2b` always, `b2a` for CycleGAN. */
export interface TranslatorModels {
  a2b: tf.LayersModel;
  b2a?: tf.LayersModel;
}

export interface PublishTranslatorRequest {
  models: TranslatorModels;
  summary: TrainingSummary;
  id: string;
  outDir: string;
}

/** Examples per row of `samples.png`, and rows (per domain for CycleGAN). */
const GRID_GROUPS_PER_ROW = 4;
const GRID_ROWS = 8;

/** Runs one exported translator (source → translated, both [n, 1, 28, 28] in [-1, 1]) on images [n·28·28] in [-1, 1]. */
type Translate = (images: Float32Array) => Promise<Float32Array>;

async function translatorSession(bytes: Uint8Array, size: { height: number; width: number }): Promise<{ translate: Translate; release(): Promise<void> }> {
  const session = await new OrtAdapter().createSession(bytes, 'cpu');
  const plane = size.height * size.width;
  const translate: Translate = async (images) => {
    const out = new Float32Array(images.length);
    // Chunks keep onnxruntime's buffers small; with one channel NCHW and NHWC are the same bytes.
    for (let start = 0; start < images.length; start += 500 * plane) {
      const part = images.subarray(start, Math.min(images.length, start + 500 * plane));
      const result = await session.run({ source: tensor(part, [part.length / plane, 1, size.height, size.width]) });
      out.set(result['translated']!.data as Float32Array, start);
    }
    return out;
  };
  return { translate, release: () => session.release() };
}

function signed(dataset: ImageDataset): Float32Array {
  return Float32Array.from(dataset.pixels, (byte) => (byte * 2) / 255 - 1);
}

function meanAbsDifference(x: Float32Array, y: Float32Array): number {
  let total = 0;
  for (let i = 0; i < x.length; i++) total += Math.abs(x[i]! - y[i]!);
  return total / Math.max(1, x.length);
}

/** Image `k` of a flat batch, mapped from [-1, 1] to [0, 1] for a grid. */
function unitImage(batch: Float32Array, k: number, plane: number): Float32Array {
  return batch.slice(k * plane, (k + 1) * plane).map((v) => (v + 1) / 2);
}

/** Rows of `groups` examples, each example the images of `columns` at one index. */
function gridRows(columns: readonly Float32Array[], count: number, plane: number): GridRow[] {
  const rows: GridRow[] = [];
  for (let start = 0; start < count; start += GRID_GROUPS_PER_ROW) {
    const row: Float32Array[][] = [];
    for (let k = start; k < Math.min(count, start + GRID_GROUPS_PER_ROW); k++) row.push(columns.map((column) => unitImage(column, k, plane)));
    if (row.length === GRID_GROUPS_PER_ROW) rows.push(row);
  }
  return rows;
}

/** Everything measured at publish time from the exported graphs. */
interface Measured {
  metrics: Record<string, number>;
  rows: GridRow[];
  domainRecord: Record<string, unknown>;
}

async function measurePix2pix(profile: TranslatorProfile, summary: TrainingSummary, dataset: ImageDataset, heldOut: Uint32Array, a2b: Translate): Promise<Measured> {
  const task = getPairedTask(profile.task);
  const plane = dataset.height * dataset.width;
  const targets = subsetDataset(dataset, heldOut);
  const sources = signed(task.sources(targets, heldOut, summary.config.seed));
  const truth = signed(targets);
  const outputs = await a2b(sources);
  const heldOutL1 = meanAbsDifference(outputs, truth);
  const inputL1 = meanAbsDifference(sources, truth);
  return {
    metrics: { heldOutL1, heldOutInputL1: inputL1 },
    rows: gridRows([sources, outputs, truth], GRID_ROWS * GRID_GROUPS_PER_ROW, plane),
    domainRecord: { task: task.name, ...task.record(summary.dataset, summary.config.seed) },
  };
}

async function measureCycleGan(profile: TranslatorProfile, dataset: ImageDataset, train: Uint32Array, heldOut: Uint32Array, a2b: Translate, b2a: Translate): Promise<Measured> {
  const task = getUnpairedTask(profile.task);
  const plane = dataset.height * dataset.width;
  const trainDomains = task.split(dataset, train);
  const heldDomains = task.split(dataset, heldOut);
  const metrics: Record<string, number> = {};
  const columns: Record<'a' | 'b', Float32Array[]> = { a: [], b: [] };
  for (const [domain, forward, backward] of [['a', a2b, b2a], ['b', b2a, a2b]] as const) {
    const ids = heldDomains[domain];
    const images = signed(domainImages(task, domain, dataset, ids));
    const translated = await forward(images);
    const back = await backward(translated);
    const upper = domain.toUpperCase();
    metrics[`heldOutCycleL1${upper}`] = meanAbsDifference(back, images);
    if (task.paired) {
      const counterpart = signed(domainImages(task, domain === 'a' ? 'b' : 'a', dataset, ids));
      metrics[domain === 'a' ? 'heldOutA2bL1' : 'heldOutB2aL1'] = meanAbsDifference(translated, counterpart);
      metrics[domain === 'a' ? 'heldOutA2bInputL1' : 'heldOutB2aInputL1'] = meanAbsDifference(images, counterpart);
    }
    columns[domain] = [images, translated, back];
  }
  metrics['heldOutCycleL1'] = (metrics['heldOutCycleL1A']! + metrics['heldOutCycleL1B']!) / 2;
  const half = (GRID_ROWS / 2) * GRID_GROUPS_PER_ROW;
  return {
    metrics,
    rows: [...gridRows(columns.a, half, plane), ...gridRows(columns.b, half, plane)],
    domainRecord: {
      task: task.name,
      ...task.record,
      domainSizes: { trainA: trainDomains.a.length, trainB: trainDomains.b.length, heldOutA: heldDomains.a.length, heldOutB: heldDomains.b.length },
    },
  };
}

/**
 * Ships a trained pix2pix or CycleGAN run as a model folder: `a2b.onnx` (and `b2a.onnx`), each checked against tfjs;
 * `manifest.json` with the `translation` block and held-out L1 / cycle L1 measured on the exported graphs;
 * `samples.png`, held-out examples rendered by onnxruntime-node; and the card. Built beside the target and swapped in at the end.
 */
export async function publishTranslator({ models, summary, id, outDir }: PublishTranslatorRequest): Promise<Manifest> {
  const profile = translatorProfile(summary.family, summary);
  if (profile.family === 'cyclegan' && models.b2a === undefined) throw new Error('a CycleGAN run ships both directions; b2a is missing');
  const dataset = await loadDatasetSource(resolveDatasetSource(summary.dataset), { size: 28, channels: 1 });
  const split = splitDataset(dataset, summary.config.evalCount);
  return buildFolderAtomically(outDir, async (staging) => {
    const graphs: { a2b?: GraphSpec; b2a?: GraphSpec } = {};
    const sessions: Record<string, Awaited<ReturnType<typeof translatorSession>>> = {};
    let exportMaxAbsError = 0;
    try {
      for (const role of ['a2b', 'b2a'] as const) {
        const model = models[role];
        if (model === undefined || (role === 'b2a' && profile.family === 'pix2pix')) continue;
        const exported = exportGraph(
          {
            model,
            file: `${role}.onnx`,
            inputs: [{ name: 'source', role: 'image', range: [-1, 1] }],
            outputs: [{ name: 'translated', role: 'image', range: [-1, 1] }],
            docString: `${profile.name}: ${role} (${role === 'a2b' ? `${profile.domains.a.name} → ${profile.domains.b.name}` : `${profile.domains.b.name} → ${profile.domains.a.name}`})`,
            metadata: { 'genzoo.id': id, 'genzoo.role': role },
          },
          staging,
        );
        exportMaxAbsError = Math.max(exportMaxAbsError, await measureExportParity(model, exported.bytes, exported.spec));
        graphs[role] = exported.spec;
        sessions[role] = await translatorSession(exported.bytes, dataset);
      }
      const measured =
        profile.family === 'pix2pix'
          ? await measurePix2pix(profile, summary, dataset, split.eval, sessions['a2b']!.translate)
          : await measureCycleGan(profile, dataset, split.train, split.eval, sessions['a2b']!.translate, sessions['b2a']!.translate);
      const [height, width, channels] = models.a2b.outputs[0]!.shape.slice(1) as [number, number, 1];
      const manifest = parseManifest(
        {
          schemaVersion: 1,
          id,
          name: profile.name,
          family: profile.family,
          description: profile.description,
          dataset: { name: datasetIdentifier(summary.dataset), trainSize: dataset.count - summary.config.evalCount, heldOutSize: summary.config.evalCount, splitSeed: SPLIT_SEED },
          image: { width, height, channels },
          translation: profile.domains,
          graphs,
          training: { ...trainingRecord(summary, profile.objective), translation: measured.domainRecord },
          metrics: { ...measured.metrics, exportMaxAbsError },
          files: { samples: 'samples.png', card: 'README.md' },
          createdAt: new Date().toISOString(),
        },
        `${id}/manifest.json`,
      );
      writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      await writeTranslationGrid(measured.rows, join(staging, manifest.files.samples), { width, height });
      writeFileSync(join(staging, manifest.files.card), renderTranslatorCard(manifest, profile, summary));
      return manifest;
    } finally {
      for (const session of Object.values(sessions)) await session.release();
    }
  });
}

/** Publishes a finished `pix2pix` or `cyclegan` run folder (`a2b/`, `b2a/` for CycleGAN, `training.json`). */
export async function publishTranslatorRun(runDir: string, id: string, outDir: string): Promise<Manifest> {
  const summary = readTrainingSummary(runDir);
  const profile = translatorProfile(summary.family, summary);
  const models: TranslatorModels = { a2b: await loadModelFiles(join(runDir, 'a2b')) };
  if (profile.family === 'cyclegan') models.b2a = await loadModelFiles(join(runDir, 'b2a'));
  return publishTranslator({ models, summary, id, outDir });
}
