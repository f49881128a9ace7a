import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, tensor, type Generator, type Manifest } from '@genzoo/node';
import sharp from 'sharp';
import { selectBackend } from '../backend/select-backend.js';
import { buildBiganMnistEncoder, buildBiganMnistGenerator } from '../models/bigan-mnist.js';
import { buildCvaeDecoder, buildCvaeEncoder } from '../models/cvae-mlp.js';
import { batchToBytes, CLASS_FIGURES, classAgreementSection, measureClassFigures, type ImageClassifier } from './class-figures.js';
import { heldOutExamples } from './evaluation-classifier.js';
import { publishModel } from './publish-model.js';
import { oneStepSummary } from './publish-test-support.js';

const work = mkdtempSync(join(tmpdir(), 'genzoo-class-figures-'));
let cvae: Manifest;
let bigan: Manifest;


/** A classifier that calls every image `answer`. */
function constantClassifier(answer: number): ImageClassifier {
  return { id: 'fake', classes: 10, classify: async (_pixels, count) => new Uint8Array(count).fill(answer) };
}

beforeAll(async () => {
  await selectBackend('wasm');
  cvae = await publishModel({
    models: { generator: buildCvaeDecoder({ seed: 1 }), encoder: buildCvaeEncoder({ seed: 1 }) },
    summary: oneStepSummary('cvae'), id: 'cvae-test', outDir: join(work, 'cvae-test'),
  });
  bigan = await publishModel({
    models: { generator: buildBiganMnistGenerator({ seed: 1 }), encoder: buildBiganMnistEncoder({ seed: 1 }) },
    summary: oneStepSummary('bigan'), id: 'bigan-test', outDir: join(work, 'bigan-test'),
  });
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('conditional VAE folder', () => {
  it('ships decoder and encoder with a one-hot label input, and one row of samples per class', async () => {
    const labelOf = (manifest: Manifest, role: 'generator' | 'encoder') => manifest.graphs[role]!.inputs.find((input) => input.role === 'label');
    expect(labelOf(cvae, 'generator')).toMatchObject({ name: 'label', shape: ['batch', 10] });
    expect(labelOf(cvae, 'encoder')).toMatchObject({ name: 'label', shape: ['batch', 10] });
    const png = await sharp(join(work, 'cvae-test', 'samples.png')).metadata();
    expect([png.width, png.height]).toEqual([10 * 28 + 11 * 2, 10 * 28 + 11 * 2]);
  });

  it('records both class figures, overall and per class, and the card shows them in a per-class table', () => {
    for (const name of Object.values(CLASS_FIGURES)) {
      expect(cvae.metrics[name]).toBeGreaterThanOrEqual(0);
      for (let c = 0; c < 10; c++) expect(cvae.metrics[`${name}.${c}`]).toBeLessThanOrEqual(1);
    }
    const card = readFileSync(join(work, 'cvae-test', 'README.md'), 'utf8');
    expect(card).toContain('# Conditional VAE (MNIST)');
    expect(card).toContain('one row per class');
    expect(card).toContain('## Class agreement');
    expect(card).toMatch(/\| 9 \| \d+\.\d% \| \d+\.\d% \|/);
    expect(card).toContain('classifier-mnist');
    expect(existsSync(join(work, 'cvae-test', 'reconstructions.png'))).toBe(true);
  });

  it('feeds the labels to the encoder and the decoder: the same image reconstructs differently as another class', async () => {
    const model = await loadModel(join(work, 'cvae-test'), { device: 'cpu' });
    try {
      const image = tensor(new Float32Array(784).fill(0.5), [1, 1, 28, 28]);
      const asThree = batchToBytes(await model.reconstruct(image, { labels: [3] }));
      const asSeven = batchToBytes(await model.reconstruct(image, { labels: [7] }));
      expect(asThree.some((value, index) => value !== asSeven[index])).toBe(true);
    } finally {
      await model.dispose();
    }
  });
});

describe('BiGAN folder', () => {
  it('ships G and a deterministic E, the reconstruction grid and reconstructionClassAccuracy', () => {
    expect(bigan.graphs.generator!.file).toBe('generator.onnx');
    expect(bigan.graphs.encoder!.outputs.map((output) => output.role)).toEqual(['mean']);
    expect(bigan.graphs.encoder!.inputs[0]).toMatchObject({ role: 'image', range: [-1, 1] });
    expect(bigan.metrics[CLASS_FIGURES.reconstructions]).toBeGreaterThanOrEqual(0);
    expect(bigan.metrics[CLASS_FIGURES.conditionalSamples]).toBeUndefined();
    expect(existsSync(join(work, 'bigan-test', 'reconstructions.png'))).toBe(true);
    expect(readFileSync(join(work, 'bigan-test', 'README.md'), 'utf8')).toContain('reconstructions keeping the class');
  });
});

describe('measureClassFigures', () => {
  let model: Generator;
  beforeAll(async () => {
    model = await loadModel(join(work, 'cvae-test'), { device: 'cpu' });
  });
  afterAll(async () => model.dispose());

  it('scores against the intended classes: a classifier that always says 1 agrees with exactly the 1s', async () => {
    const examples = heldOutExamples('mnist', 2000, 50);
    const ones = examples.labels.filter((label) => label === 1).length;
    const metrics = await measureClassFigures(model, constantClassifier(1), examples, { reconstructions: true, conditionalSamples: true });
    expect(metrics[CLASS_FIGURES.reconstructions]).toBeCloseTo(ones / 50, 10);
    expect(metrics[`${CLASS_FIGURES.reconstructions}.1`]).toBe(1);
    expect(metrics[CLASS_FIGURES.conditionalSamples]).toBeCloseTo(0.1, 10);
    expect(metrics[`${CLASS_FIGURES.conditionalSamples}.0`]).toBe(0);
    expect(metrics[`${CLASS_FIGURES.conditionalSamples}.1`]).toBe(1);
  });

  it('measures only what is asked, and a card without class figures has no section', async () => {
    const metrics = await measureClassFigures(model, constantClassifier(0), heldOutExamples('mnist', 2000, 10), {});
    expect(metrics).toEqual({});
    expect(classAgreementSection({ ...cvae, metrics: {} }, 'fake')).toEqual([]);
  });
});
