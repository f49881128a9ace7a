import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { loadModelFiles, saveModelFiles } from '../checkpoint/model-files.js';
import { buildDcganMnistDiscriminator, buildDcganMnistGenerator, DCGAN_MNIST_LATENT } from '../models/dcgan-mnist.js';
import { buildDcganMnistSnDiscriminator } from '../models/dcgan-mnist-sn.js';
import { Rng } from '../random/rng.js';
import { AdversarialTrainer, type AdversarialTrainerOptions } from './adversarial-trainer.js';

const BATCH = 4;
const scratch = mkdtempSync(join(tmpdir(), 'genzoo-adv-'));
beforeAll(async () => {
  await selectBackend('wasm');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function trainer(options: Partial<AdversarialTrainerOptions> = {}): AdversarialTrainer {
  return new AdversarialTrainer({
    generator: buildDcganMnistGenerator({ seed: 1 }),
    discriminator: buildDcganMnistDiscriminator({ seed: 1 }),
    latentDim: DCGAN_MNIST_LATENT,
    batchSize: BATCH,
    generatorOptimizer: tf.train.adam(2e-4, 0.5),
    discriminatorOptimizer: tf.train.adam(2e-4, 0.5),
    ...options,
  });
}

const realRng = new Rng(4);
const realBatch = (): tf.Tensor4D => tf.tensor4d(realRng.normals(BATCH * 784).map(Math.tanh), [BATCH, 28, 28, 1]);

function finite(losses: Record<string, number>): void {
  for (const [name, value] of Object.entries(losses)) expect(Number.isFinite(value), `${name} = ${value}`).toBe(true);
}

describe('adversarial trainer options', () => {
  it('selects the loss by name, and rejects unknown losses and label smoothing where meaningless', () => {
    expect(trainer({ loss: 'hinge' }).loss.name).toBe('hinge');
    expect(() => trainer({ loss: 'nope' })).toThrow(/^unknown loss 'nope'/);
    expect(() => trainer({ loss: 'wasserstein', labelSmoothing: 0.1 })).toThrow(/does not support label smoothing/);
    expect(() => trainer({ labelSmoothing: 1 })).toThrow(/label smoothing must be in \[0, 1\)/);
  });

  it('wasserstein with weight clipping keeps every critic weight within ±c', () => {
    const t = trainer({ loss: 'wasserstein', weightClip: 0.01, nCritic: 2 });
    finite(t.step(realBatch, new Rng(1)));
    for (const weight of t.discriminator.trainableWeights) {
      expect(Math.max(...Array.from(weight.read().dataSync(), Math.abs)), weight.name).toBeLessThanOrEqual(0.01 + 1e-7);
    }
  });

  it('gradient penalty is reported as gp and trains the critic (second-order gradient on wasm)', () => {
    const t = trainer({ loss: 'wasserstein', gradientPenalty: { weight: 10 } });
    const before = t.discriminator.getWeights()[0]!.dataSync().slice();
    const losses = t.step(realBatch, new Rng(2));
    finite(losses);
    expect(losses['gp']).toBeGreaterThan(0);
    expect(t.discriminator.getWeights()[0]!.dataSync()).not.toEqual(before);
  });

  it('one-sided label smoothing, instance noise, feature matching and a hook term all train', () => {
    const t = trainer({
      labelSmoothing: 0.1,
      instanceNoise: { std: 0.1, annealSteps: 10 },
      featureMatching: { layer: 'd_lrelu2', weight: 0.5 },
      hooks: { generator: ({ fake }) => ({ l2: tf.mul(1e-3, tf.mean(tf.square(fake))) as tf.Scalar }) },
    });
    const losses = t.step(realBatch, new Rng(3));
    finite(losses);
    expect(Object.keys(losses).sort()).toEqual(['d', 'fm', 'g', 'l2']);
    expect(losses['fm']).toBeGreaterThan(0);
    const onlyFm = trainer({ featureMatching: { layer: 'd_lrelu1', replaceAdversarial: true } }).step(realBatch, new Rng(3));
    expect(onlyFm.g).toBeCloseTo(onlyFm['fm']!, 4);
  });

  it('spectral normalization: power-iteration u moves while training and survives a save/load round trip', async () => {
    const discriminator = buildDcganMnistSnDiscriminator({ seed: 1 });
    const t = trainer({ discriminator, loss: 'hinge' });
    const uOf = (model: tf.LayersModel): number[] =>
      model.weights.filter((w) => /\/u(_\d+)?$/.test(w.name)).flatMap((w) => Array.from(w.read().dataSync()));
    const before = uOf(discriminator);
    expect(before.length).toBe(32 + 64 + 1);
    finite(t.step(realBatch, new Rng(5)));
    const after = uOf(discriminator);
    expect(after).not.toEqual(before);
    await saveModelFiles(discriminator, join(scratch, 'sn'));
    const loaded = await loadModelFiles(join(scratch, 'sn'));
    expect(uOf(loaded)).toEqual(after);
    const x = realBatch();
    const difference = tf.tidy(() => tf.max(tf.abs(tf.sub(discriminator.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor))).dataSync()[0]!);
    expect(difference).toBeLessThan(1e-5);
    x.dispose();
  });

  it('a joint real+fake discriminator batch gives the same losses and weights as two passes (no batch norm in D)', () => {
    const run = (joint: boolean) => {
      const t = trainer({ jointDiscriminatorBatch: joint });
      const data = new Rng(11);
      const losses = t.step(() => tf.tensor4d(data.normals(BATCH * 784).map(Math.tanh), [BATCH, 28, 28, 1]), new Rng(12));
      return { losses, weights: t.discriminator.getWeights()[0]!.dataSync().slice() };
    };
    const separate = run(false);
    const joint = run(true);
    expect(joint.losses.d).toBeCloseTo(separate.losses.d, 5);
    expect(joint.losses.g).toBeCloseTo(separate.losses.g, 5);
    const maxDiff = Math.max(...Array.from(joint.weights, (w, i) => Math.abs(w - separate.weights[i]!)));
    expect(maxDiff).toBeLessThan(1e-6);
  });
});
