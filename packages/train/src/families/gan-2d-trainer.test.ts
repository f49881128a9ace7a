import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { GAN_LOSSES } from '../losses/registry.js';
import { buildPointGenerator, FunctionalMlp } from '../models/mlp-2d.js';
import { Rng } from '../random/rng.js';
import { PointGanTrainer, type PointGanTrainerOptions } from './gan-2d-trainer.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

const realPoints = (n: number, rng: Rng): tf.Tensor2D => tf.tensor2d(rng.normals(2 * n), [n, 2]);

function trainer(overrides: Partial<PointGanTrainerOptions> = {}, pack = overrides.pack ?? 1): PointGanTrainer {
  return new PointGanTrainer({
    generator: buildPointGenerator({ seed: 1, latentDim: 2, hidden: [8] }),
    discriminator: new FunctionalMlp({ input: 2 * pack, hidden: [8], output: 1 }, 2, 'd'),
    latentDim: 2,
    generatorOptimizer: tf.train.adam(1e-2),
    discriminatorOptimizer: tf.train.adam(1e-2),
    batchSize: 4,
    loss: 'non-saturating',
    ...overrides,
  });
}

function weightsOf(t: { generator: tf.LayersModel; discriminator: FunctionalMlp }): Float32Array[] {
  return [...t.generator.getWeights().map((w) => w.dataSync() as Float32Array), ...t.discriminator.snapshot()];
}

describe('PointGanTrainer', () => {
  for (const loss of GAN_LOSSES.keys()) {
    it(`takes a finite step that moves G and D with loss ${loss}`, () => {
      const generator = buildPointGenerator({ seed: 1, latentDim: 2, hidden: [8] });
      const discriminator = new FunctionalMlp({ input: 2, hidden: [8], output: 1 }, 2, 'd');
      const before = weightsOf({ generator, discriminator });
      const losses = trainer({ generator, discriminator, loss }).step(realPoints, new Rng(3));
      expect(Number.isNaN(losses.d) || Number.isNaN(losses.g)).toBe(false);
      const after = weightsOf({ generator, discriminator });
      expect(after.some((w, i) => w.some((v, j) => v !== before[i]![j]))).toBe(true);
      expect(after[0]!.some((v, j) => v !== before[0]![j])).toBe(true); // G's first kernel
      expect(after.at(-2)!.some((v, j) => v !== before.at(-2)![j])).toBe(true); // D's last kernel
    });
  }

  it('packs: D gets 2m inputs and sees batch·m points; a D of the wrong width is refused', () => {
    const t = trainer({ pack: 4 });
    expect(t.step(realPoints, new Rng(1)).d).toBeGreaterThan(0);
    expect(() => trainer({ pack: 2 }, 1)).toThrow('a pack of 2 needs a discriminator with 4 inputs, got 2');
  });

  it('combines n-critic, clipping, gradient penalty and spectral norm', () => {
    const discriminator = new FunctionalMlp({ input: 2, hidden: [8], output: 1 }, 2, 'd');
    const t = trainer({ discriminator, loss: 'wasserstein', nCritic: 2, weightClip: 0.05, gradientPenalty: 1, spectralNorm: true });
    const losses = t.step(realPoints, new Rng(1));
    expect(Number.isFinite(losses.d) && Number.isFinite(losses.g)).toBe(true);
    expect(Math.max(...discriminator.snapshot().flatMap((w) => Array.from(w, Math.abs)))).toBeLessThanOrEqual(0.05 + 1e-7);
  });

  it('unrolling changes the generator update (the gradient flows through the unrolled D steps)', () => {
    const stepWith = (unrolled?: { steps: number; learningRate: number; optimizer?: 'adam' }): Float32Array => {
      const generator = buildPointGenerator({ seed: 1, latentDim: 2, hidden: [8] });
      trainer({ generator, ...(unrolled ? { unrolled } : {}) }).step(realPoints, new Rng(5));
      return generator.getWeights()[0]!.dataSync() as Float32Array;
    };
    const plain = stepWith();
    const unrolled = stepWith({ steps: 3, learningRate: 0.5 });
    expect(unrolled.every(Number.isFinite)).toBe(true);
    expect(unrolled.some((v, i) => Math.abs(v - plain[i]!) > 1e-7)).toBe(true);
    const unrolledAdam = stepWith({ steps: 3, learningRate: 0.5, optimizer: 'adam' });
    expect(unrolledAdam.every(Number.isFinite)).toBe(true);
    expect(unrolledAdam.some((v, i) => Math.abs(v - plain[i]!) > 1e-7 && Math.abs(v - unrolled[i]!) > 1e-7)).toBe(true);
  });

  it('samples n finite 2-D points', () => {
    const points = trainer().sample(10, new Rng(1));
    expect(points.length).toBe(20);
    expect(points.every(Number.isFinite)).toBe(true);
  });
});
