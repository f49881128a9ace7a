import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../random/rng.js';
import { featureExtractor, featureMatchingLoss } from './feature-matching.js';
import { addInstanceNoise, instanceNoiseStd } from './instance-noise.js';
import { clipWeights } from './weight-clipping.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('weight clipping', () => {
  it('clamps every variable to [−c, c] in place', () => {
    const a = tf.variable(tf.tensor1d([-0.5, 0.001, 0.2]));
    const b = tf.variable(tf.tensor2d([[0.02, -0.02]]));
    clipWeights([a, b], 0.01);
    expect(Array.from(a.dataSync())).toEqual([-0.01, 0.001, 0.01].map((v) => expect.closeTo(v, 7)));
    expect(Array.from(b.dataSync())).toEqual([0.01, -0.01].map((v) => expect.closeTo(v, 7)));
    expect(() => clipWeights([a], 0)).toThrow(/must be positive/);
  });
});

describe('instance noise', () => {
  it('anneals linearly to zero and adds seeded Gaussian noise', () => {
    expect(instanceNoiseStd({ std: 0.2 }, 500)).toBe(0.2);
    expect(instanceNoiseStd({ std: 0.2, annealSteps: 100 }, 25)).toBeCloseTo(0.15, 9);
    expect(instanceNoiseStd({ std: 0.2, annealSteps: 100 }, 150)).toBe(0);
    const x = tf.zeros([1000]);
    const a = Array.from(addInstanceNoise(x, 0.5, new Rng(3)).dataSync());
    const b = Array.from(addInstanceNoise(x, 0.5, new Rng(3)).dataSync());
    expect(a).toEqual(b);
    const std = Math.sqrt(a.reduce((s, v) => s + v * v, 0) / a.length);
    expect(std).toBeGreaterThan(0.45);
    expect(std).toBeLessThan(0.55);
    expect(Array.from(addInstanceNoise(tf.ones([2]), 0, new Rng(1)).dataSync())).toEqual([1, 1]);
  });
});

describe('feature matching', () => {
  it('is the squared distance between batch-mean features', () => {
    const real = tf.tensor2d([[1, 2], [3, 4]]); // mean [2, 3]
    const fake = tf.tensor2d([[0, 0], [2, 2]]); // mean [1, 1]
    expect(featureMatchingLoss(real, fake).dataSync()[0]).toBeCloseTo(1 + 4, 6);
  });

  it('extracts a named discriminator layer, sharing weights, and names the layers when missing', () => {
    const input = tf.input({ shape: [3] });
    const hidden = tf.layers.dense({ units: 4, name: 'hidden' }).apply(input) as tf.SymbolicTensor;
    const out = tf.layers.dense({ units: 1, name: 'logit' }).apply(hidden) as tf.SymbolicTensor;
    const discriminator = tf.model({ inputs: input, outputs: out, name: 'd' });
    const features = featureExtractor(discriminator, 'hidden');
    expect(features.outputs[0]!.shape).toEqual([null, 4]);
    expect(features.getLayer('hidden')).toBe(discriminator.getLayer('hidden'));
    expect(() => featureExtractor(discriminator, 'nope')).toThrow(/has no layer 'nope' \(layers: input\d*, hidden, logit\)|has no layer 'nope'/);
  });
});
