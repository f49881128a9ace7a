import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { Rng } from '../random/rng.js';
import { AdversarialTrainer, type AdversarialTrainerOptions, type LabeledBatch, type LossTermContext } from './adversarial-trainer.js';

const CLASSES = 3;
const LATENT = 4;
const BATCH = 5;

beforeAll(async () => {
  await selectBackend('wasm');
});

/** [z, onehot] → dense → 4×4×1 tanh image. */
function tinyGenerator(): tf.LayersModel {
  const z = tf.input({ shape: [LATENT], name: 'z' });
  const label = tf.input({ shape: [CLASSES], name: 'label' });
  const joined = tf.layers.concatenate().apply([z, label]) as tf.SymbolicTensor;
  const dense = tf.layers.dense({ units: 16, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }).apply(joined);
  const image = tf.layers.reshape({ targetShape: [4, 4, 1] }).apply(dense) as tf.SymbolicTensor;
  return tf.model({ inputs: [z, label], outputs: image, name: 'tiny_g' });
}

/**
 * [x, onehot] → dense(flatten x) + onehot·[0, 1, 2]: the image path starts at zero, so before the
 * first update the logit of each example is exactly its class index.
 */
function tinyDiscriminator(): tf.LayersModel {
  const x = tf.input({ shape: [4, 4, 1], name: 'x' });
  const label = tf.input({ shape: [CLASSES], name: 'label' });
  const flat = tf.layers.flatten().apply(x);
  const features = tf.layers.dense({ units: 1, kernelInitializer: 'zeros', name: 'd_features' }).apply(flat) as tf.SymbolicTensor;
  const classIndex = tf.layers.dense({
    units: 1, useBias: false, trainable: false, weights: [tf.tensor2d([[0], [1], [2]])],
  }).apply(label) as tf.SymbolicTensor;
  const logit = tf.layers.add().apply([features, classIndex]) as tf.SymbolicTensor;
  return tf.model({ inputs: [x, label], outputs: logit, name: 'tiny_d' });
}

function trainer(options: Partial<AdversarialTrainerOptions> = {}): AdversarialTrainer {
  return new AdversarialTrainer({
    generator: tinyGenerator(), discriminator: tinyDiscriminator(), latentDim: LATENT, classes: CLASSES, batchSize: BATCH,
    generatorOptimizer: tf.train.adam(1e-3), discriminatorOptimizer: tf.train.adam(1e-3), ...options,
  });
}

const realLabels = Uint8Array.from([2, 0, 1, 1, 2]);
const labeledBatch = (): LabeledBatch => ({ images: tf.randomUniform([BATCH, 4, 4, 1], -1, 1, 'float32', 7) as tf.Tensor4D, labels: realLabels });

describe('class-conditional adversarial trainer', () => {
  it('feeds the real labels to D on real images and uniform labels to G and D on fakes', () => {
    const seen: { real?: number[]; fake?: number[]; fakeLabels?: number[] } = {};
    const t = trainer({
      hooks: {
        discriminator: ({ realOutputs, fakeOutputs, fakeLabels }: LossTermContext) => {
          seen.real ??= Array.from(realOutputs!.dataSync());
          seen.fake ??= Array.from(fakeOutputs.dataSync());
          seen.fakeLabels ??= Array.from(tf.argMax(fakeLabels!, 1).dataSync());
          return {};
        },
      },
    });
    const losses = t.step(labeledBatch, new Rng(1));
    expect(Number.isFinite(losses.d) && Number.isFinite(losses.g)).toBe(true);
    expect(seen.real).toEqual(Array.from(realLabels));
    expect(seen.fake).toEqual(seen.fakeLabels);
    expect(seen.fakeLabels!.every((c) => c >= 0 && c < CLASSES)).toBe(true);
  });

  it('trains with gradient penalty, instance noise, feature matching and a joint D batch, with flat memory', () => {
    const t = trainer({
      loss: 'wasserstein', gradientPenalty: { weight: 10 }, instanceNoise: { std: 0.1 },
      featureMatching: { layer: 'd_features' }, jointDiscriminatorBatch: true, nCritic: 2,
    });
    const rng = new Rng(2);
    const counts: number[] = [];
    for (let step = 0; step < 4; step++) {
      const losses = t.step(labeledBatch, rng);
      for (const [name, value] of Object.entries(losses)) expect(Number.isFinite(value), `${name} = ${value}`).toBe(true);
      expect(Object.keys(losses).sort()).toEqual(['d', 'fm', 'g', 'gp']);
      counts.push(tf.memory().numTensors);
    }
    expect(new Set(counts.slice(1)).size, `tensor counts ${counts.join(',')}`).toBe(1);
  });

  it('samples per label, draws labels in range and one-hots them', () => {
    const t = trainer();
    const samples = t.sample(4, new Rng(3), [0, 1, 2, 0]);
    expect(samples.shape).toEqual([4, 4, 4, 1]);
    samples.dispose();
    const drawn = t.randomLabels(100, new Rng(4));
    expect(new Set(drawn)).toEqual(new Set([0, 1, 2]));
    const oneHot = t.labelsOneHot([2, 0]);
    expect(oneHot.arraySync()).toEqual([[0, 0, 1], [1, 0, 0]]);
    oneHot.dispose();
  });

  it('rejects unlabeled batches, mismatched labels and bad class counts with one-line errors', () => {
    const t = trainer();
    expect(() => t.step(() => tf.zeros([BATCH, 4, 4, 1]) as tf.Tensor4D, new Rng(5))).toThrow(/needs labeled batches/);
    expect(() => t.step(() => ({ images: tf.zeros([BATCH, 4, 4, 1]) as tf.Tensor4D, labels: Uint8Array.of(1) }), new Rng(5))).toThrow(/5 images but 1 labels/);
    expect(() => trainer({ classes: 1 })).toThrow(/classes must be an integer in \[2, 256\]/);
    expect(() => t.labelsOneHot([3])).toThrow(/label 3 at index 0 is not a class/);
  });
});
