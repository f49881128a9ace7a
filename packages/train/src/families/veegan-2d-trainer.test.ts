import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { buildPointGenerator, FunctionalMlp } from '../models/mlp-2d.js';
import { Rng } from '../random/rng.js';
import { VeeganTrainer } from './veegan-2d-trainer.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

function veegan(reconstructorNoise?: number) {
  const generator = buildPointGenerator({ seed: 1, latentDim: 2, hidden: [8] });
  const reconstructor = new FunctionalMlp({ input: 2, hidden: [8], output: 2 }, 2, 'f');
  const discriminator = new FunctionalMlp({ input: 4, hidden: [8], output: 1 }, 3, 'd');
  const trainer = new VeeganTrainer({
    generator,
    reconstructor,
    discriminator,
    latentDim: 2,
    generatorOptimizer: tf.train.adam(1e-2),
    reconstructorOptimizer: tf.train.adam(1e-2),
    discriminatorOptimizer: tf.train.adam(1e-2),
    batchSize: 4,
    ...(reconstructorNoise === undefined ? {} : { reconstructorNoise }),
  });
  return { generator, reconstructor, discriminator, trainer };
}

describe('VeeganTrainer', () => {
  it('the reconstruction term is the mean squared distance ‖z − F(x)‖² over the batch', () => {
    const { trainer, reconstructor } = veegan();
    const z = tf.tensor2d([[1, 0], [0, 1]]);
    const x = tf.tensor2d([[0.5, 0.5], [-1, 2]]);
    const fx = reconstructor.apply(x).arraySync();
    const expected = ((1 - fx[0]![0]!) ** 2 + fx[0]![1]! ** 2 + fx[1]![0]! ** 2 + (1 - fx[1]![1]!) ** 2) / 2;
    expect(trainer.reconstructionLoss(z, x).dataSync()[0]).toBeCloseTo(expected, 5);
  });

  it('one step updates D, G and F and reports finite losses', () => {
    const { trainer, generator, reconstructor, discriminator } = veegan();
    const before = { g: generator.getWeights()[0]!.dataSync().slice(), f: reconstructor.snapshot()[0]!.slice(), d: discriminator.snapshot()[0]!.slice() };
    const losses = trainer.step((n, rng) => tf.tensor2d(rng.normals(2 * n), [n, 2]), new Rng(1));
    expect(Object.values(losses).every(Number.isFinite)).toBe(true);
    expect(losses.d).toBeGreaterThan(0);
    expect(generator.getWeights()[0]!.dataSync().some((v, i) => v !== before.g[i])).toBe(true);
    expect(reconstructor.snapshot()[0]!.some((v, i) => v !== before.f[i])).toBe(true);
    expect(discriminator.snapshot()[0]!.some((v, i) => v !== before.d[i])).toBe(true);
  });

  it("with a Gaussian F of noise σ, the reconstruction term is the negative log-likelihood ‖z − F(x)‖² / 2σ²", () => {
    const plain = veegan().trainer;
    const gaussian = veegan(2).trainer;
    const z = tf.tensor2d([[1, 0], [0, 1]]);
    const x = tf.tensor2d([[0.5, 0.5], [-1, 2]]);
    expect(gaussian.reconstructionLoss(z, x).dataSync()[0]).toBeCloseTo(plain.reconstructionLoss(z, x).dataSync()[0]! / 8, 5);
  });

  it('with a Gaussian F, D sees noisy codes: one step from the same state gives another D loss than a deterministic F', () => {
    const real = (n: number, rng: Rng) => tf.tensor2d(rng.normals(2 * n), [n, 2]);
    const deterministic = veegan().trainer.step(real, new Rng(1));
    const noisy = veegan(1).trainer.step(real, new Rng(1));
    expect(Object.values(noisy).every(Number.isFinite)).toBe(true);
    expect(noisy.d).not.toBeCloseTo(deterministic.d, 4);
  });

  it.each([undefined, 1])('a step leaves no tensor behind (reconstructor noise %s)', (noise) => {
    const { trainer } = veegan(noise);
    const real = (n: number, rng: Rng) => tf.tensor2d(rng.normals(2 * n), [n, 2]);
    const rng = new Rng(3);
    trainer.step(real, rng);
    const before = tf.memory().numTensors;
    trainer.step(real, rng);
    trainer.step(real, rng);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a discriminator that does not take (z, x)', () => {
    const { generator, reconstructor } = veegan();
    const discriminator = new FunctionalMlp({ input: 2, hidden: [4], output: 1 }, 1, 'd');
    const optimizer = tf.train.adam(1e-3);
    expect(
      () => new VeeganTrainer({ generator, reconstructor, discriminator, latentDim: 2, generatorOptimizer: optimizer, reconstructorOptimizer: optimizer, discriminatorOptimizer: optimizer, batchSize: 2 }),
    ).toThrow("VEEGAN's discriminator needs 4 inputs (z and x), got 2");
  });
});
