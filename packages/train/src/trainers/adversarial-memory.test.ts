import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { buildDcganMnistDiscriminator, buildDcganMnistGenerator, DCGAN_MNIST_LATENT } from '../models/dcgan-mnist.js';
import { Rng } from '../random/rng.js';
import { AdversarialTrainer } from './adversarial-trainer.js';
import { WeightEma } from './weight-ema.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

describe('memory', () => {
  it('tf.memory().numTensors stays flat over 50 DCGAN steps (batch 4, EMA, gradient penalty)', () => {
    const generator = buildDcganMnistGenerator({ seed: 1 });
    const trainer = new AdversarialTrainer({
      generator, discriminator: buildDcganMnistDiscriminator({ seed: 1 }), latentDim: DCGAN_MNIST_LATENT, batchSize: 4,
      generatorOptimizer: tf.train.adam(2e-4, 0.5), discriminatorOptimizer: tf.train.adam(2e-4, 0.5),
      gradientPenalty: { weight: 1 }, instanceNoise: { std: 0.1 },
    });
    const ema = WeightEma.startingFrom(generator, () => buildDcganMnistGenerator({ seed: 1 }), 0.99);
    const rng = new Rng(1);
    const real = (): tf.Tensor4D => tf.tensor4d(rng.normals(4 * 784).map(Math.tanh), [4, 28, 28, 1]);
    const counts: number[] = [];
    for (let step = 0; step < 50; step++) {
      trainer.step(real, rng);
      ema.update();
      counts.push(tf.memory().numTensors);
    }
    // Adam creates its slots during the first step; from then on nothing may accumulate.
    expect(new Set(counts.slice(1)).size, `tensor counts ${counts.join(',')}`).toBe(1);
  });
});
