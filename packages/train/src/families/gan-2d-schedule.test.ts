import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { linearDecay, setLearningRate } from './gan-2d-schedule.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('learning-rate schedule', () => {
  it('decays linearly to 0 and stays there', () => {
    expect([0, 50, 100, 150].map((step) => linearDecay(1e-3, step, 100))).toEqual([1e-3, 5e-4, 0, 0]);
  });

  it('changes the step an existing Adam or RMSprop optimizer takes', () => {
    for (const optimizer of [tf.train.adam(0.1), tf.train.rmsprop(0.1)]) {
      const x = tf.variable(tf.scalar(1));
      setLearningRate(optimizer, 0);
      optimizer.minimize(() => tf.square(x) as tf.Scalar, false, [x]);
      expect(x.dataSync()[0]).toBe(1);
      setLearningRate(optimizer, 0.1);
      optimizer.minimize(() => tf.square(x) as tf.Scalar, false, [x]);
      expect(x.dataSync()[0]).toBeLessThan(1);
    }
  });

  it('refuses an optimizer without a numeric learning rate', () => {
    expect(() => setLearningRate({ getClassName: () => 'Odd' } as unknown as tf.Optimizer, 0.1)).toThrow('optimizer Odd has no learning rate to schedule');
  });
});
