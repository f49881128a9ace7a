import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { buildDcganMnistDiscriminator, buildDcganMnistGenerator, DCGAN_MNIST_LATENT } from '../models/dcgan-mnist.js';
import { Rng } from '../random/rng.js';
import { AdversarialTrainer } from './adversarial-trainer.js';
import { runTraining } from './training-run.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-dcgan-'));
beforeAll(async () => {
  await selectBackend('wasm');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('dcgan-mnist', () => {
  it('builds the specified shapes', () => {
    const g = buildDcganMnistGenerator({ seed: 1 });
    const d = buildDcganMnistDiscriminator({ seed: 1 });
    expect(g.inputs[0]!.shape).toEqual([null, DCGAN_MNIST_LATENT]);
    expect(g.outputs[0]!.shape).toEqual([null, 28, 28, 1]);
    expect(d.outputs[0]!.shape).toEqual([null, 1]);
    const classes = new Set([...g.layers, ...d.layers].map((layer) => layer.getClassName()));
    const allowed = ['InputLayer', 'Dense', 'BatchNormalization', 'ReLU', 'Reshape', 'Conv2DTranspose', 'Conv2D', 'LeakyReLU', 'Flatten'];
    for (const name of classes) expect(allowed).toContain(name);
  });

  it('3 adversarial steps at batch 8 change both nets and keep losses finite', () => {
    const generator = buildDcganMnistGenerator({ seed: 2 });
    const discriminator = buildDcganMnistDiscriminator({ seed: 2 });
    const trainer = new AdversarialTrainer({
      generator, discriminator, latentDim: DCGAN_MNIST_LATENT, batchSize: 8,
      generatorOptimizer: tf.train.adam(2e-4, 0.5), discriminatorOptimizer: tf.train.adam(2e-4, 0.5),
    });
    const before = [generator, discriminator].map((m) => m.getWeights()[0]!.dataSync().slice());
    const rng = new Rng(3);
    const realRng = new Rng(4);
    for (let i = 0; i < 3; i++) {
      const losses = trainer.step(() => tf.tensor4d(realRng.normals(8 * 784).map(Math.tanh), [8, 28, 28, 1]), rng);
      expect(Number.isFinite(losses.d) && Number.isFinite(losses.g)).toBe(true);
    }
    const after = [generator, discriminator].map((m) => m.getWeights()[0]!.dataSync());
    expect(after[0]).not.toEqual(before[0]);
    expect(after[1]).not.toEqual(before[1]);
    const samples = trainer.sample(4, new Rng(5));
    const values = samples.dataSync();
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    samples.dispose();
  });

  it('runTraining writes generator/, samples and training.json', async () => {
    const out = join(scratch, 'run');
    const summary = await runTraining({
      family: 'dcgan-mnist', dataset: 'mnist', steps: 3, batchSize: 8, seed: 1, outDir: out,
      backend: 'wasm', sampleEvery: 2, checkpointEvery: 2, log: () => {},
    });
    expect(summary?.steps).toBe(3);
    for (const file of ['generator/model.json', 'generator/weights.bin', 'samples/step-000002.png', 'samples/latest.png', 'training.json']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    expect(existsSync(join(out, 'encoder'))).toBe(false);
    const json = JSON.parse(readFileSync(join(out, 'training.json'), 'utf8'));
    expect(json.backend.name).toBe('wasm');
    expect(Object.keys(json.finalLosses)).toEqual(['d', 'g']);
    expect(json.weightAverage).toEqual({ decay: 0.999, ramp: true });
  });
});
