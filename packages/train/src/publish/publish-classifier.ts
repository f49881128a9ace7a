import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { parseClassifierManifest, tensor, type ClassifierManifest, type RgbaImage } from '@genzoo/core';
import { OrtAdapter, writeSampleGrid } from '@genzoo/node';
import { loadModelFiles } from '../checkpoint/model-files.js';
import type { ImageDataset } from '../data/image-dataset.js';
import { loadDataset } from '../data/load-dataset.js';
import { SPLIT_SEED, splitDataset } from '../data/split.js';
import { AUGMENT_BELOW } from '../families/classifier-family.js';
import type { TrainingSummary } from '../trainers/training-run.js';
import { measureExportParity } from './export-parity.js';
import { exportGraph } from './graph-export.js';
import { readTrainingSummary, trainingRecord } from './run-summary.js';
import { buildFolderAtomically } from './staged-folder.js';
import { renderClassifierCard, type ClassifierScores } from './classifier-card.js';

/** Class names in label order, per dataset. */
export const CLASS_NAMES: Readonly<Record<string, readonly string[]>> = {
  mnist: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  'fashion-mnist': ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
};

export interface PublishClassifierRequest {
  model: tf.LayersModel;
  summary: TrainingSummary;
  /** Model id, e.g. `classifier-mnist`. */
  id: string;
  /** The model folder to (re)write, e.g. `models/classifier-mnist`. */
  outDir: string;
}

/** Accuracy and confusion matrix of the exported graph on held-out images, run by onnxruntime-node. */
async function scoreOnnx(bytes: Uint8Array, dataset: ImageDataset, indices: Uint32Array, classes: number): Promise<ClassifierScores> {
  const session = await new OrtAdapter().createSession(bytes, 'cpu');
  try {
    const plane = dataset.height * dataset.width;
    const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
    let correct = 0;
    for (let start = 0; start < indices.length; start += 500) {
      const batch = indices.subarray(start, start + 500);
      const pixels = new Float32Array(batch.length * plane);
      batch.forEach((index, row) => {
        for (let p = 0; p < plane; p++) pixels[row * plane + p] = dataset.pixels[index * plane + p]! / 255;
      });
      const { logits } = await session.run({ image: tensor(pixels, [batch.length, 1, dataset.height, dataset.width]) });
      batch.forEach((index, row) => {
        const scores = logits!.data.subarray(row * classes, (row + 1) * classes);
        const predicted = scores.indexOf(Math.max(...scores));
        const truth = dataset.labels[index]!;
        confusion[truth]![predicted]!++;
        if (predicted === truth) correct++;
      });
    }
    return { accuracy: correct / indices.length, confusion, count: indices.length };
  } finally {
    await session.release();
  }
}

function grayscale(dataset: ImageDataset, index: number): RgbaImage {
  const plane = dataset.height * dataset.width;
  const data = new Uint8ClampedArray(plane * 4);
  for (let p = 0; p < plane; p++) data.set([dataset.pixels[index * plane + p]!, dataset.pixels[index * plane + p]!, dataset.pixels[index * plane + p]!, 255], p * 4);
  return { width: dataset.width, height: dataset.height, data };
}

/**
 * Ships a trained classifier as a model folder of kind "classifier": `classifier.onnx` (image →
 * `logits`, `features`; checked against tfjs), `manifest.json` with the held-out accuracy of the ONNX
 * graph itself, `samples.png` (64 held-out images) and the card. Built beside the target and swapped
 * in at the end, so a failure leaves the old folder intact.
 */
export async function publishClassifier({ model, summary, id, outDir }: PublishClassifierRequest): Promise<ClassifierManifest> {
  const classes = CLASS_NAMES[summary.dataset];
  if (!classes) throw new Error(`no class names for dataset '${summary.dataset}'`);
  return buildFolderAtomically(outDir, async (staging) => {
    const exported = exportGraph(
      {
        model,
        file: 'classifier.onnx',
        inputs: [{ name: 'image', role: 'image', range: [0, 1] }],
        outputs: [
          { name: 'logits', role: 'logits' },
          { name: 'features', role: 'features' },
        ],
        docString: `genzoo ${summary.dataset} classifier: image → logits, features`,
        metadata: { 'genzoo.id': id, 'genzoo.role': 'classifier' },
      },
      staging,
    );
    const exportMaxAbsError = await measureExportParity(model, exported.bytes, exported.spec);
    const dataset = loadDataset(summary.dataset);
    const split = splitDataset(dataset, summary.config.evalCount);
    const scores = await scoreOnnx(exported.bytes, dataset, split.eval, classes.length);
    const [height, width, channels] = model.inputs[0]!.shape.slice(1) as [number, number, 1];
    const manifest = parseClassifierManifest(
      {
        schemaVersion: 1,
        kind: 'classifier',
        id,
        name: `Classifier (${summary.dataset === 'mnist' ? 'MNIST' : 'Fashion-MNIST'})`,
        family: 'classifier',
        description: `A small CNN that classifies ${summary.dataset} images; its 128-d penultimate layer is the feature space of genzoo's evaluation metrics (FID, KID, precision/recall) and its logits give the Inception Score.`,
        dataset: { name: summary.dataset, trainSize: dataset.count - summary.config.evalCount, heldOutSize: summary.config.evalCount, splitSeed: SPLIT_SEED },
        image: { width, height, channels },
        classes,
        graphs: { classifier: exported.spec },
        training: trainingRecord(
          summary,
          `Softmax cross-entropy, Adam(1e-3)${dataset.count - summary.config.evalCount < AUGMENT_BELOW ? ', each training image shifted by a random 0–2 pixels in x and y' : ''}.`,
        ),
        metrics: {
          heldOutAccuracy: scores.accuracy,
          ...(summary.metrics.heldOutLoss === undefined ? {} : { heldOutLoss: summary.metrics.heldOutLoss }),
          exportMaxAbsError,
        },
        files: { samples: 'samples.png', card: 'README.md' },
        createdAt: new Date().toISOString(),
      },
      `${id}/manifest.json`,
    );
    writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeSampleGrid(Array.from(split.eval.subarray(0, 64), (index) => grayscale(dataset, index)), join(staging, 'samples.png'));
    writeFileSync(join(staging, 'README.md'), renderClassifierCard(manifest, summary, scores, String(manifest.training.objective)));
    return manifest;
  });
}

/** Publishes from a finished `classifier` training run folder (`classifier/`, `training.json`). */
export async function publishClassifierRun(runDir: string, id: string, outDir: string): Promise<ClassifierManifest> {
  const summary = readTrainingSummary(runDir);
  if (summary.family !== 'classifier') throw new Error(`${runDir} is a '${summary.family}' run, not a 'classifier' run`);
  return publishClassifier({ model: await loadModelFiles(join(runDir, 'classifier')), summary, id, outDir });
}
