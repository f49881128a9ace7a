import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseModelManifestText } from '@genzoo/core';
import { selectBackend } from '../backend/select-backend.js';
import { buildImageClassifier, CLASSIFIER_FEATURES } from '../models/image-classifier.js';
import { publishClassifierRun } from '../publish/publish-classifier.js';
import { Rng } from '../random/rng.js';
import { ClassifierTrainer } from '../trainers/classifier-trainer.js';
import { runTraining } from '../trainers/training-run.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-classifier-'));
beforeAll(async () => {
  await selectBackend('wasm');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('classifier family', () => {
  it('builds a two-output model: logits and penultimate features', () => {
    const model = buildImageClassifier({ seed: 1 });
    expect(model.outputs.map((output) => output.shape)).toEqual([[null, 10], [null, CLASSIFIER_FEATURES]]);
    const allowed = ['InputLayer', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense', 'Dropout'];
    for (const layer of model.layers) expect(allowed).toContain(layer.getClassName());
  });

  it('shifts images by whole pixels when augmenting', () => {
    const trainer = new ClassifierTrainer({ model: buildImageClassifier({ seed: 1 }), optimizer: tf.train.adam(1e-3) });
    const image = tf.buffer([1, 28, 28, 1]);
    image.set(1, 0, 14, 14, 0);
    const shifted = trainer.augment(image.toTensor() as tf.Tensor4D, new Rng(5), 2);
    const values = Array.from(shifted.dataSync());
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5); // the one lit pixel moved, not blurred
    expect(Math.max(...values)).toBeCloseTo(1, 5);
    shifted.dispose();
  });

  it('trains a few steps, then ships a classifier folder whose ONNX graph matches tfjs', async () => {
    const runDir = join(scratch, 'run');
    const summary = await runTraining({
      family: 'classifier', dataset: 'mnist', steps: 3, batchSize: 16, seed: 2, outDir: runDir, sampleEvery: 0, checkpointEvery: 0, evalCount: 2000, log: () => undefined,
    });
    expect(summary?.metrics.heldOutAccuracy).toBeGreaterThan(0);
    expect(existsSync(join(runDir, 'classifier', 'model.json'))).toBe(true);
    const outDir = join(scratch, 'classifier-mnist');
    const manifest = await publishClassifierRun(runDir, 'classifier-mnist', outDir);
    expect(manifest.kind).toBe('classifier');
    expect(manifest.classes).toHaveLength(10);
    expect(manifest.graphs.classifier.outputs.map((output) => [output.name, output.role, output.shape])).toEqual([
      ['logits', 'logits', ['batch', 10]],
      ['features', 'features', ['batch', CLASSIFIER_FEATURES]],
    ]);
    expect(manifest.metrics.exportMaxAbsError).toBeLessThanOrEqual(1e-4);
    expect(manifest.metrics.heldOutAccuracy).toBeGreaterThan(0.1);
    expect(parseModelManifestText(readFileSync(join(outDir, 'manifest.json'), 'utf8')).id).toBe('classifier-mnist');
    expect(readFileSync(join(outDir, 'README.md'), 'utf8')).toContain('## Held-out accuracy');
  }, 120_000);
});
