import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { rampedDecay, WeightEma } from './weight-ema.js';

function tinyModel(value: number): tf.LayersModel {
  const input = tf.input({ shape: [2] });
  const output = tf.layers.batchNormalization().apply(tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.constant({ value }) }).apply(input));
  return tf.model({ inputs: input, outputs: output as tf.SymbolicTensor });
}

describe('WeightEma', () => {
  it('moves every weight, batch-norm statistics included, towards the source by 1 − decay', () => {
    const source = tinyModel(1);
    const ema = WeightEma.startingFrom(source, () => tinyModel(0), 0.9);
    expect(ema.target.getWeights()[0]!.dataSync()).toEqual(source.getWeights()[0]!.dataSync());
    source.setWeights(source.getWeights().map((weight) => tf.fill(weight.shape, 11)));
    const before = tf.memory().numTensors;
    ema.update();
    expect(tf.memory().numTensors).toBe(before);
    for (const weight of ema.target.getWeights()) {
      // kernel started at 1, bias and beta at 0, gamma and moving variance at 1, moving mean at 0.
      const values = Array.from(weight.dataSync());
      for (const value of values) expect([0.9 * 1 + 0.1 * 11, 0.9 * 0 + 0.1 * 11]).toContainEqual(expect.closeTo(value, 5));
    }
  });

  it('ramps the decay up over the first steps, so a short run is not an average with its initial weights', () => {
    expect(rampedDecay(0.999, 0)).toBeCloseTo(0.1, 10);
    expect(rampedDecay(0.999, 90)).toBeCloseTo(0.91, 10);
    expect(rampedDecay(0.999, 800)).toBeCloseTo(801 / 810, 10);
    expect(rampedDecay(0.999, 100_000)).toBe(0.999);
    expect(() => rampedDecay(0.999, -1)).toThrow('EMA step must be a whole number ≥ 0, got -1');
    const source = tinyModel(1);
    const ema = WeightEma.startingFrom(source, () => tinyModel(0), 0.999);
    source.setWeights(source.getWeights().map((weight) => tf.fill(weight.shape, 11)));
    ema.update(0);
    // 0.1 · 1 + 0.9 · 11 for the kernel: the first step already leans on the trained weights.
    expect(ema.target.getWeights()[0]!.dataSync()[0]).toBeCloseTo(10, 5);
  });

  it('rejects a target of another architecture and a bad decay', () => {
    const source = tinyModel(1);
    const other = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2] })] });
    expect(() => new WeightEma(source, other, 0.9)).toThrow('does not have the weights of');
    expect(() => new WeightEma(source, tinyModel(0), 1)).toThrow('EMA decay must be in (0, 1), got 1');
  });
});
