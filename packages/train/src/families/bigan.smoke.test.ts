import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { getGanLoss } from '../losses/registry.js';
import { buildBiganMnistDiscriminator, buildBiganMnistEncoder, buildBiganMnistGenerator, BIGAN_LATENT } from '../models/bigan-mnist.js';
import { Rng } from '../random/rng.js';
import { BiganTrainer } from '../trainers/bigan-trainer.js';
import { runTraining } from '../trainers/training-run.js';
import { changed, snapshot } from './smoke-test-support.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-bigan-'));
beforeAll(async () => {
  await selectBackend('wasm');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function realBatch(seed: number): tf.Tensor4D {
  return tf.tensor4d(new Rng(seed).normals(8 * 784).map((v) => (v > 0.5 ? 1 : -1)), [8, 28, 28, 1]);
}

describe('bigan', () => {
  it('G maps z to a 28×28 image, E maps it back to one 64-d code named mean, D judges an (image, z) pair', () => {
    const generator = buildBiganMnistGenerator({ seed: 1 });
    expect(generator.inputs[0]!.shape).toEqual([null, BIGAN_LATENT]);
    expect(generator.outputs[0]!.shape).toEqual([null, 28, 28, 1]);
    const encoder = buildBiganMnistEncoder({ seed: 1 });
    const discriminator = buildBiganMnistDiscriminator({ seed: 1 });
    expect(encoder.outputNames).toEqual(['mean']);
    expect(encoder.outputs[0]!.shape).toEqual([null, BIGAN_LATENT]);
    expect(discriminator.inputs.map((input) => input.shape)).toEqual([[null, 28, 28, 1], [null, BIGAN_LATENT]]);
    expect(discriminator.outputs[0]!.shape).toEqual([null, 1]);
  });

  it('one step updates D in its update and G and E together in theirs, with finite losses', () => {
    const generator = buildBiganMnistGenerator({ seed: 2 });
    const encoder = buildBiganMnistEncoder({ seed: 2 });
    const discriminator = buildBiganMnistDiscriminator({ seed: 2 });
    const before = { g: snapshot(generator), e: snapshot(encoder), d: snapshot(discriminator) };
    const trainer = new BiganTrainer({
      generator, encoder, discriminator, latentDim: BIGAN_LATENT,
      generatorOptimizer: tf.train.adam(2e-4, 0.5), discriminatorOptimizer: tf.train.adam(2e-4, 0.5),
    });
    const losses = trainer.step(realBatch(3), new Rng(4));
    expect(Number.isFinite(losses.d) && Number.isFinite(losses.g)).toBe(true);
    // At initialisation D outputs ≈ 0, so each non-saturating term is ≈ log 2.
    expect(losses.d).toBeCloseTo(2 * Math.log(2), 1);
    expect(changed(before.g, generator) && changed(before.e, encoder) && changed(before.d, discriminator)).toBe(true);
  });

  it('G and E minimise the discriminator loss with the pairs swapped: softplus(−D(G(z), z)) + softplus(D(x, E(x)))', () => {
    const loss = getGanLoss('non-saturating');
    const encoderPairs = tf.tensor1d([0.3, -1.2]);
    const generatorPairs = tf.tensor1d([2, -0.5]);
    const swapped = loss.discriminator(generatorPairs, encoderPairs).dataSync()[0]!;
    const softplus = (v: number): number => Math.log1p(Math.exp(v));
    const expected = (softplus(-2) + softplus(0.5)) / 2 + (softplus(0.3) + softplus(-1.2)) / 2;
    expect(swapped).toBeCloseTo(expected, 5);
    tf.dispose([encoderPairs, generatorPairs]);
  });

  it('adds the latent cycle term ‖E(G(z)) − z‖² from its first step on', () => {
    const build = (): BiganTrainer => new BiganTrainer({
      generator: buildBiganMnistGenerator({ seed: 5 }), encoder: buildBiganMnistEncoder({ seed: 5 }), discriminator: buildBiganMnistDiscriminator({ seed: 5 }),
      latentDim: BIGAN_LATENT, generatorOptimizer: tf.train.adam(2e-4, 0.5), discriminatorOptimizer: tf.train.adam(2e-4, 0.5),
      latentCycle: { weight: 1, fromStep: 10 },
    });
    const before = build().step(realBatch(6), new Rng(7), 9);
    const from = build().step(realBatch(6), new Rng(7), 10);
    expect(before.cycle).toBe(0);
    // At initialisation E(G(z)) ≈ 0, so the cycle error is ≈ E‖z‖² = 64, and it adds to g.
    expect(from.cycle).toBeGreaterThan(32);
    expect(from.g - before.g).toBeCloseTo(from.cycle, 0);
    const bad = { generator: buildBiganMnistGenerator(), encoder: buildBiganMnistEncoder(), discriminator: buildBiganMnistDiscriminator(), latentDim: BIGAN_LATENT,
      generatorOptimizer: tf.train.adam(), discriminatorOptimizer: tf.train.adam() };
    expect(() => new BiganTrainer({ ...bad, latentCycle: { weight: -1 } })).toThrow('latent cycle weight must be a number ≥ 0, got -1');
    expect(() => new BiganTrainer({ ...bad, latentCycle: { weight: 1, fromStep: 0.5 } })).toThrow('latent cycle start must be an integer step ≥ 0, got 0.5');
  });

  it('refuses label smoothing for a loss without it', () => {
    expect(() => new BiganTrainer({
      generator: buildBiganMnistGenerator(), encoder: buildBiganMnistEncoder(), discriminator: buildBiganMnistDiscriminator(), latentDim: BIGAN_LATENT,
      generatorOptimizer: tf.train.adam(), discriminatorOptimizer: tf.train.adam(), loss: 'wasserstein', labelSmoothing: 0.1,
    })).toThrow("loss 'wasserstein' does not support label smoothing");
  });

  it('runTraining ships the averaged G and E and draws held-out reconstructions', async () => {
    const out = join(scratch, 'run');
    const summary = await runTraining({
      family: 'bigan', dataset: 'mnist', steps: 2, batchSize: 8, seed: 1, outDir: out,
      backend: 'wasm', sampleEvery: 0, checkpointEvery: 0, evalCount: 2000, log: () => {},
    });
    expect(Object.keys(summary!.finalLosses).sort()).toEqual(['cycle', 'd', 'g']);
    for (const file of ['generator/model.json', 'encoder/model.json', 'samples/latest.png', 'samples/reconstructions.png', 'checkpoints']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    await expect(runTraining({
      family: 'bigan', dataset: 'mnist', steps: 2, batchSize: 8, seed: 1, outDir: join(scratch, 'bad'), trainer: { nCritic: 2 }, log: () => {},
    })).rejects.toThrow("--n-critic does not apply to family 'bigan'");
  }, 60_000);
});
