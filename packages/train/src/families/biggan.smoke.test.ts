import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { loadDataset } from '../data/load-dataset.js';
import { BatchSampler, splitDataset } from '../data/split.js';
import { BIGGAN_CLASSES, BIGGAN_LATENT, buildBigganDiscriminator, buildBigganGenerator } from '../models/biggan-mini.js';
import { CLASS_FIGURES } from '../publish/class-figures.js';
import { TRUNCATION_FIGURE_FILE } from '../publish/figures/truncation-rows.js';
import { publishRun } from '../publish/publish-model.js';
import { Rng } from '../random/rng.js';
import { runTraining } from '../trainers/training-run.js';
import { bigganFamily } from './biggan-family.js';
import { changed, snapshot } from './smoke-test-support.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-biggan-'));
beforeAll(async () => {
  await selectBackend('wasm');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const oneHot = (labels: number[]): tf.Tensor2D => tf.oneHot(tf.tensor1d(labels, 'int32'), BIGGAN_CLASSES).toFloat() as tf.Tensor2D;

describe('biggan', () => {
  it('G maps (z, label) to a 28×28 image in [-1, 1]; D scores (image, label) with a projection term that depends on the label', () => {
    const generator = buildBigganGenerator({ seed: 1 });
    expect(generator.inputNames).toEqual(['z', 'label']);
    expect(generator.inputs.map((input) => input.shape)).toEqual([[null, BIGGAN_LATENT], [null, BIGGAN_CLASSES]]);
    expect(generator.outputs[0]!.shape).toEqual([null, 28, 28, 1]);
    expect(generator.layers.map((layer) => layer.getClassName())).toEqual(expect.arrayContaining(['ConditionalBatchNormalization', 'SelfAttention2D']));
    const discriminator = buildBigganDiscriminator({ seed: 1 });
    expect(discriminator.inputs.map((input) => input.shape)).toEqual([[null, 28, 28, 1], [null, BIGGAN_CLASSES]]);
    expect(discriminator.outputs[0]!.shape).toEqual([null, 1]);
    expect(discriminator.layers.filter((layer) => layer.getClassName() === 'SpectralNormalization').map((layer) => layer.name).sort()).toEqual(['d_conv1', 'd_conv2', 'd_embed', 'd_logit']);
    const image = tf.tidy(() => tf.tile(tf.randomUniform([1, 28, 28, 1], -1, 1, 'float32', 5), [2, 1, 1, 1]));
    const scores = tf.tidy(() => (discriminator.apply([image, oneHot([3, 7])]) as tf.Tensor).dataSync());
    // Same image, two classes: only ⟨embed(y), φ(x)⟩ differs.
    expect(scores[0]).not.toBeCloseTo(scores[1]!, 3);
    image.dispose();
  });

  it('one session step trains D and G on labeled batches with the hinge loss by default', () => {
    const data = loadDataset('mnist');
    const split = splitDataset(data, 2000);
    const sampler = new BatchSampler(data, split.train, 8, 1);
    const session = bigganFamily.createSession({ seed: 2, batchSize: 8 });
    const before = { g: snapshot(session.models.generator!), d: snapshot(session.models.discriminator!) };
    const losses = session.step(sampler, 0, new Rng(3));
    expect(Number.isFinite(losses.d) && Number.isFinite(losses.g)).toBe(true);
    expect(changed(before.g, session.models.generator!) && changed(before.d, session.models.discriminator!)).toBe(true);
    expect(session.sampleGrid).toEqual({ n: 100, columns: 10 });
    const grid = session.sample(100, new Rng(4));
    expect(grid.shape).toEqual([100, 28, 28, 1]);
    grid.dispose();
  }, 60_000);

  it('trains, exports G with its z and label inputs through the converter, and publishes class rows, truncation rows and class agreement', async () => {
    const runDir = join(scratch, 'run');
    const summary = await runTraining({
      family: 'biggan', dataset: 'mnist', steps: 2, batchSize: 8, seed: 1, outDir: runDir,
      backend: 'wasm', sampleEvery: 0, checkpointEvery: 0, evalCount: 2000, log: () => {},
    });
    expect(Object.keys(summary!.finalLosses).sort()).toEqual(['d', 'g']);
    const folder = join(scratch, 'models', 'biggan-test');
    const manifest = await publishRun(runDir, 'biggan-test', folder);
    expect(manifest.family).toBe('biggan');
    expect(manifest.name).toBe('Hinge + SN + self-attention GAN, conditional BN (MNIST)');
    expect(manifest.graphs.generator!.inputs.map((input) => [input.name, input.role])).toEqual([['z', 'latent'], ['label', 'label']]);
    expect(manifest.graphs.generator!.outputs[0]!.range).toEqual([-1, 1]);
    expect(manifest.metrics['exportMaxAbsError']).toBeLessThan(1e-4);
    expect(manifest.metrics[CLASS_FIGURES.conditionalSamples]).toBeGreaterThanOrEqual(0);
    expect(Object.values(manifest.files.figures ?? {})).toContain(TRUNCATION_FIGURE_FILE);
    for (const file of ['generator.onnx', 'samples.png', TRUNCATION_FIGURE_FILE, 'README.md']) expect(existsSync(join(folder, file)), file).toBe(true);
    const card = readFileSync(join(folder, 'README.md'), 'utf8');
    expect(card).toContain('## Truncation trick');
    expect(card).toContain('Hinge loss');
    expect(card).toContain('Adam(0.0004, β1 = 0.5, β2 = 0.999) for both networks');
  }, 120_000);
});
