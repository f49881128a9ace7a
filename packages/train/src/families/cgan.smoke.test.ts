import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifestText } from '@genzoo/node';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { buildCganConcatDiscriminator } from '../models/cgan-concat-discriminator.js';
import { buildCganGenerator, CGAN_CLASSES, CGAN_LATENT } from '../models/cgan-generator.js';
import { buildCganProjectionDiscriminator } from '../models/cgan-projection-discriminator.js';
import { CLASS_FIGURES } from '../publish/class-figures.js';
import { publishRun } from '../publish/publish-model.js';
import { runTraining } from '../trainers/training-run.js';
import { classRowLabels } from './class-rows.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-cgan-'));
beforeAll(async () => {
  await selectBackend('wasm');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Side of a PNG grid of 28×28 cells with 2-pixel borders, at the run's 2× scale or the published 1×. */
const gridSide = (cells: number, scale: number): number => (cells * (28 + 2) + 2) * scale;

describe('cgan', () => {
  it('G takes z and the one-hot class; both discriminators take the image and the class', () => {
    const generator = buildCganGenerator({ seed: 1 });
    expect(generator.inputNames).toEqual(['z', 'label']);
    expect(generator.inputs.map((input) => input.shape)).toEqual([[null, CGAN_LATENT], [null, CGAN_CLASSES]]);
    expect(generator.outputs[0]!.shape).toEqual([null, 28, 28, 1]);
    for (const discriminator of [buildCganConcatDiscriminator({ seed: 1 }), buildCganProjectionDiscriminator({ seed: 1 })]) {
      expect(discriminator.inputNames).toEqual(['image', 'label']);
      expect(discriminator.outputs[0]!.shape).toEqual([null, 1]);
      expect(discriminator.getLayer('d_lrelu2')).toBeDefined();
    }
  });

  it('the class changes the logit of the same image in both discriminators', () => {
    for (const discriminator of [buildCganConcatDiscriminator({ seed: 2 }), buildCganProjectionDiscriminator({ seed: 2 })]) {
      const gap = tf.tidy(() => {
        const images = tf.randomUniform([2, 28, 28, 1], -1, 1, 'float32', 3);
        const logits = (label: number): tf.Tensor =>
          discriminator.predict([images, tf.oneHot(tf.tensor1d([label, label], 'int32'), CGAN_CLASSES).toFloat()]) as tf.Tensor;
        return tf.max(tf.abs(tf.sub(logits(1), logits(7)))).dataSync()[0]!;
      });
      expect(gap, discriminator.name).toBeGreaterThan(1e-6);
    }
  });

  it('class rows: row r of a grid asks for class r', () => {
    expect(classRowLabels(23, 10, 10)).toEqual([...Array(10).fill(0), ...Array(10).fill(1), 2, 2, 2]);
  });

  it('trains on labelled MNIST with either discriminator, draws a row per class and publishes a valid conditional folder', async () => {
    const train = (discriminator: 'concat' | 'projection'): ReturnType<typeof runTraining> =>
      runTraining({
        family: 'cgan', dataset: 'mnist', trainer: { discriminator }, steps: 2, batchSize: 8, seed: 1, outDir: join(scratch, discriminator),
        backend: 'wasm', sampleEvery: 0, checkpointEvery: 0, evalCount: 2000, log: () => {},
      });
    for (const discriminator of ['concat', 'projection'] as const) {
      const summary = await train(discriminator);
      for (const value of Object.values(summary!.finalLosses)) expect(Number.isFinite(value)).toBe(true);
      expect(summary!.trainer).toEqual({ discriminator });
    }
    const runGrid = await sharp(join(scratch, 'projection', 'samples', 'latest.png')).metadata();
    expect([runGrid.width, runGrid.height]).toEqual([gridSide(10, 2), gridSide(10, 2)]);

    const outDir = join(scratch, 'models', 'cgan-projection-mnist');
    const manifest = await publishRun(join(scratch, 'projection'), 'cgan-projection-mnist', outDir);
    expect(parseManifestText(readFileSync(join(outDir, 'manifest.json'), 'utf8'))).toMatchObject({ family: 'cgan-projection', name: 'Conditional GAN, projection discriminator (MNIST)' });
    expect(manifest.graphs.generator?.inputs.map((input) => [input.name, input.role])).toEqual([['z', 'latent'], ['label', 'label']]);
    expect(manifest.graphs.generator?.outputs[0]).toMatchObject({ name: 'image', range: [-1, 1] });
    expect(manifest.metrics.exportMaxAbsError).toBeLessThanOrEqual(1e-4);
    expect(manifest.metrics[CLASS_FIGURES.conditionalSamples]).toBeGreaterThanOrEqual(0);
    expect(existsSync(join(outDir, 'generator.onnx'))).toBe(true);
    const published = await sharp(join(outDir, 'samples.png')).metadata();
    expect(published.width).toBe(published.height);
    const card = readFileSync(join(outDir, 'README.md'), 'utf8');
    expect(card).toContain('# Conditional GAN, projection discriminator (MNIST)');
    expect(card).toContain('## Class agreement');
    expect(card).toContain('--discriminator projection');
  }, 120_000);
});
