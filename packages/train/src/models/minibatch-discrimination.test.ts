import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { loadModelFiles, saveModelFiles } from '../checkpoint/model-files.js';
import { MinibatchDiscrimination } from './minibatch-discrimination.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-minibatch-'));
beforeAll(async () => {
  await selectBackend('wasm');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function model(seed: number): tf.LayersModel {
  const x = tf.input({ shape: [6] });
  const features = new MinibatchDiscrimination({ kernels: 4, kernelDim: 3, seed, name: 'mbd' }).apply(x) as tf.SymbolicTensor;
  const logit = tf.layers.dense({ units: 1, kernelInitializer: 'ones' }).apply(features) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: logit });
}

describe('MinibatchDiscrimination', () => {
  it('appends one closeness value per kernel to the features', () => {
    const layer = new MinibatchDiscrimination({ kernels: 4, kernelDim: 3, seed: 1 });
    const x = tf.randomNormal([5, 6], 0, 1, 'float32', 2);
    const y = layer.apply(x) as tf.Tensor2D;
    expect(y.shape).toEqual([5, 10]);
    expect(layer.computeOutputShape([null, 6])).toEqual([null, 10]);
    expect(Array.from(y.slice([0, 0], [5, 6]).dataSync())).toEqual(Array.from(x.dataSync()));
    tf.dispose([x, y]);
  });

  it('Σⱼ≠ᵢ exp(−L1 distance): n − 1 for a batch of identical examples, 0 for a lone one, smaller for spread-out ones', () => {
    const layer = new MinibatchDiscrimination({ kernels: 2, kernelDim: 3, seed: 1 });
    const same = tf.tile(tf.tensor2d([[0.5, -1, 2, 0, 1, 3]]), [4, 1]);
    const closeness = (x: tf.Tensor2D): number[] => Array.from((layer.apply(x) as tf.Tensor).slice([0, 6], [-1, 2]).dataSync());
    for (const value of closeness(same)) expect(value).toBeCloseTo(3, 5);
    for (const value of closeness(tf.tensor2d([[1, 2, 3, 4, 5, 6]]))) expect(value).toBe(0);
    for (const value of closeness(tf.mul(tf.randomNormal([4, 6], 0, 1, 'float32', 3), 1000) as tf.Tensor2D)) expect(value).toBeLessThan(1);
  });

  it('passes gradients to its tensor T and to its inputs, matching finite differences', () => {
    const layer = new MinibatchDiscrimination({ kernels: 3, kernelDim: 2, seed: 4 });
    const x = tf.randomNormal([4, 6], 0, 1, 'float32', 5);
    const objective = (input: tf.Tensor): tf.Scalar => tf.sum(tf.mul(layer.apply(input) as tf.Tensor, tf.range(1, 10).reshape([1, 9]))) as tf.Scalar;
    objective(x);
    const { grads } = tf.variableGrads(() => objective(x), layer.trainableWeights.map((weight) => weight.read() as tf.Variable));
    const tensorGrad = Object.values(grads)[0]!;
    expect(tensorGrad.shape).toEqual([6, 6]);
    expect(tf.max(tf.abs(tensorGrad)).dataSync()[0]).toBeGreaterThan(0);
    const inputGrad = tf.grad(objective)(x);
    const h = 1e-2;
    const bump = tf.buffer([4, 6]);
    bump.set(h, 1, 2);
    const numeric = (objective(tf.add(x, bump.toTensor())).dataSync()[0]! - objective(tf.sub(x, bump.toTensor())).dataSync()[0]!) / (2 * h);
    expect((inputGrad.arraySync() as number[][])[1]![2]!).toBeCloseTo(numeric, 1);
  });

  it('saves and restores through model files (checkpoints) with its weights and settings', async () => {
    const original = model(7);
    await saveModelFiles(original, join(scratch, 'model'));
    const restored = await loadModelFiles(join(scratch, 'model'));
    const layer = restored.getLayer('mbd') as MinibatchDiscrimination;
    expect(layer).toBeInstanceOf(MinibatchDiscrimination);
    expect([layer.kernels, layer.kernelDim, layer.seed]).toEqual([4, 3, 7]);
    const x = tf.randomNormal([5, 6], 0, 1, 'float32', 8);
    const before = (original.predict(x) as tf.Tensor).dataSync();
    expect(Array.from((restored.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from(before));
    // Different seeds start from different tensors, so the same seed is what made the outputs agree.
    expect(Array.from((model(9).predict(x) as tf.Tensor).dataSync())).not.toEqual(Array.from(before));
  });

  it('rejects kernel settings that are not positive integers', () => {
    expect(() => new MinibatchDiscrimination({ kernels: 0, kernelDim: 3 })).toThrow('minibatch discrimination kernels must be a positive integer, got 0');
    expect(() => new MinibatchDiscrimination({ kernels: 2, kernelDim: 1.5 })).toThrow('minibatch discrimination kernelDim must be a positive integer, got 1.5');
  });
});
