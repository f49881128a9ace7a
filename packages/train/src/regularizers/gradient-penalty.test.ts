import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { Rng } from '../random/rng.js';
import { gradientPenalty } from './gradient-penalty.js';
import { COMPARISON_KERNELS, registerZeroComparisonGradients } from './zero-comparison-gradients.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

function smallConvDiscriminator(): tf.LayersModel {
  const init = (seed: number) => tf.initializers.randomNormal({ mean: 0, stddev: 0.3, seed });
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 3, kernelSize: 3, strides: 2, padding: 'same', kernelInitializer: init(1) }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 1, kernelInitializer: init(2) }),
    ],
  });
}

describe('zero gradients for comparison kernels', () => {
  it('registers every comparison kernel once, then nothing', () => {
    registerZeroComparisonGradients();
    expect(registerZeroComparisonGradients()).toEqual([]);
    for (const name of COMPARISON_KERNELS) expect(tf.getGradient(name), name).toBeDefined();
  });

  it('makes the second derivative of LeakyReLU work (its gradient contains greater(x, 0))', () => {
    registerZeroComparisonGradients();
    const x = tf.tensor1d([-2, -0.5, 0.5, 3]);
    // d/dx Σ (leakyRelu'(x)·x)² = 2·slope²·x: slopes 0.2 and 1.
    const second = tf.grad((v: tf.Tensor) => tf.sum(tf.square(tf.grad((y: tf.Tensor) => tf.sum(tf.mul(tf.leakyRelu(y, 0.2), y)))(v))))(x);
    // leakyRelu(y)·y has derivative 2·slope·y, so the outer function is Σ 4·slope²·y², derivative 8·slope²·y.
    expect(Array.from(second.dataSync())).toEqual([-2, -0.5, 0.5, 3].map((v) => expect.closeTo(8 * (v > 0 ? 1 : 0.04) * v, 4)));
    tf.dispose([x, second]);
  });
});

describe('gradient penalty (WGAN-GP) on the wasm backend', () => {
  it('tf.grad of the gradient-norm penalty through a small conv D matches finite differences', () => {
    const model = smallConvDiscriminator();
    const real = tf.randomNormal([3, 6, 6, 1], 0, 1, 'float32', 3);
    const fake = tf.randomNormal([3, 6, 6, 1], 0, 1, 'float32', 4);
    const D = (x: tf.Tensor): tf.Tensor => model.apply(x, { training: true }) as tf.Tensor;
    const penalty = (): tf.Scalar => gradientPenalty(D, real, fake, new Rng(9));
    const dense = model.layers[3]!.trainableWeights[0]!.read() as tf.Variable;
    const kernel = model.layers[0]!.trainableWeights[0]!.read() as tf.Variable;
    const { value, grads } = tf.variableGrads(penalty, [dense, kernel]);
    expect(value.dataSync()[0]!).toBeGreaterThan(0);
    for (const variable of [dense, kernel]) {
      const analytic = grads[variable.name]!.dataSync();
      expect(analytic.some((g) => Math.abs(g) > 1e-4), variable.name).toBe(true);
      const original = variable.dataSync().slice();
      for (const index of [0, 5]) {
        const h = 1e-3; // small enough not to cross a LeakyReLU kink
        const at = (delta: number): number => {
          const values = original.slice();
          values[index] = values[index]! + delta;
          variable.assign(tf.tensor(values, variable.shape));
          return tf.tidy(() => penalty().dataSync()[0]!);
        };
        const numeric = (at(h) - at(-h)) / (2 * h);
        expect(analytic[index]!, `${variable.name}[${index}]`).toBeCloseTo(numeric, 2);
      }
      variable.assign(tf.tensor(original, variable.shape));
    }
    tf.dispose([real, fake, value, ...Object.values(grads)]);
  });

  it('is zero for a linear critic whose gradient has unit norm', () => {
    const w = tf.tensor4d([0.6, 0.8], [1, 1, 2, 1]);
    const critic = (x: tf.Tensor): tf.Tensor => tf.sum(tf.mul(x, w), [1, 2, 3]);
    const real = tf.ones([2, 1, 2, 1]);
    const gp = gradientPenalty(critic, real, tf.zerosLike(real), new Rng(1));
    expect(gp.dataSync()[0]).toBeCloseTo(0, 6);
  });
});
