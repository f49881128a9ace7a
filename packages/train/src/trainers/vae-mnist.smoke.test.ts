import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { buildVaeMnistDecoder, buildVaeMnistEncoder, VAE_MNIST_LATENT } from '../models/vae-mnist.js';
import { Rng } from '../random/rng.js';
import { runTraining } from './training-run.js';
import { VaeTrainer } from './vae-trainer.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-vae-'));
beforeAll(async () => {
  await selectBackend('wasm');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('vae-mnist', () => {
  it('encoder has two outputs (mean, logvar); decoder maps z to a 28×28 image', () => {
    const encoder = buildVaeMnistEncoder({ seed: 1 });
    const decoder = buildVaeMnistDecoder({ seed: 1 });
    expect(encoder.outputs.map((o) => o.shape)).toEqual([[null, VAE_MNIST_LATENT], [null, VAE_MNIST_LATENT]]);
    expect(encoder.outputNames).toEqual(['mean', 'logvar']);
    expect(decoder.outputs[0]!.shape).toEqual([null, 28, 28, 1]);
  });

  it('3 steps at batch 8 lower the loss on a fixed batch and keep KL ≥ 0', () => {
    const trainer = new VaeTrainer({
      encoder: buildVaeMnistEncoder({ seed: 2 }), decoder: buildVaeMnistDecoder({ seed: 2 }),
      latentDim: VAE_MNIST_LATENT, optimizer: tf.train.adam(1e-3),
    });
    const pixels = new Rng(3).normals(8 * 784).map((v) => (v > 0.5 ? 1 : 0));
    const rng = new Rng(4);
    const losses = [0, 1, 2].map(() => trainer.step(tf.tensor4d(pixels, [8, 28, 28, 1]), rng));
    for (const l of losses) {
      expect(Number.isFinite(l.loss)).toBe(true);
      expect(l.kl).toBeGreaterThanOrEqual(0);
      expect(l.loss).toBeCloseTo(l.recon + l.kl, 2);
    }
    expect(losses[2]!.loss).toBeLessThan(losses[0]!.loss);
  });

  it('runTraining writes generator/, encoder/ and a held-out ELBO', async () => {
    const out = join(scratch, 'run');
    const summary = await runTraining({
      family: 'vae-mnist', dataset: 'mnist', steps: 3, batchSize: 8, seed: 1, outDir: out,
      backend: 'wasm', sampleEvery: 0, checkpointEvery: 0, evalCount: 2000, log: () => {},
    });
    expect(summary?.metrics.heldOutElboNats).toBeLessThan(0);
    for (const file of ['generator/model.json', 'encoder/model.json', 'encoder/weights.bin', 'samples/latest.png', 'samples/reconstructions.png']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    const json = JSON.parse(readFileSync(join(out, 'training.json'), 'utf8'));
    expect(json.metrics.heldOutElboNats).toBe(summary?.metrics.heldOutElboNats);
  });
});
