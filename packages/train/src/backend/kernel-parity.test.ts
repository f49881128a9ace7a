import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../random/rng.js';
import { selectBackend } from './select-backend.js';

interface Case {
  x: [number, number, number, number];
  filter: [number, number, number, number];
  strides: [number, number];
  pad: 'same' | 'valid' | number;
}

const CASES: Case[] = [
  { x: [2, 7, 7, 3], filter: [3, 3, 3, 4], strides: [1, 1], pad: 'same' },
  { x: [2, 7, 7, 3], filter: [3, 3, 3, 4], strides: [1, 1], pad: 'valid' },
  { x: [3, 8, 8, 2], filter: [4, 4, 2, 5], strides: [2, 2], pad: 'same' },
  { x: [3, 9, 9, 2], filter: [4, 4, 2, 5], strides: [2, 2], pad: 'valid' },
  { x: [2, 10, 11, 3], filter: [3, 2, 3, 2], strides: [3, 2], pad: 'same' },
  { x: [2, 10, 11, 3], filter: [5, 3, 3, 2], strides: [2, 3], pad: 'valid' },
  { x: [1, 6, 6, 2], filter: [3, 3, 2, 3], strides: [1, 2], pad: 1 },
  { x: [4, 14, 14, 8], filter: [4, 4, 8, 6], strides: [2, 2], pad: 'same' },
];

function random(shape: number[], rng: Rng): Float32Array {
  return rng.normals(shape.reduce((a, b) => a * b, 1));
}

async function onBackend(name: string, run: () => tf.Tensor): Promise<Float32Array> {
  await tf.setBackend(name);
  const out = tf.tidy(run);
  const values = (await out.data()) as Float32Array;
  out.dispose();
  return values;
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

describe('genzoo wasm kernels match the cpu backend', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  for (const c of CASES) {
    const label = `x ${c.x.join('×')}, filter ${c.filter.join('×')}, strides ${c.strides.join(',')}, pad ${c.pad}`;
    const outShape = tf.backend_util.computeConv2DInfo(c.x, c.filter, c.strides, 1, c.pad).outShape;

    it(`Conv2DBackpropFilter: ${label}`, async () => {
      const rng = new Rng(c.x[1] * 31 + c.filter[0]);
      const x = random(c.x, rng);
      const dy = random(outShape, rng);
      const run = () => tf.engine().runKernel('Conv2DBackpropFilter',
        { x: tf.tensor(x, c.x), dy: tf.tensor(dy, outShape) },
        { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', filterShape: c.filter } as never) as tf.Tensor;
      const expected = await onBackend('cpu', run);
      const actual = await onBackend('wasm', run);
      expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-3);
    });

    it(`Conv2DBackpropInput: ${label}`, async () => {
      const rng = new Rng(c.x[2] * 17 + c.filter[1]);
      const filter = random(c.filter, rng);
      const dy = random(outShape, rng);
      const run = () => tf.engine().runKernel('Conv2DBackpropInput',
        { dy: tf.tensor(dy, outShape), filter: tf.tensor(filter, c.filter) },
        { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', inputShape: c.x } as never) as tf.Tensor;
      const expected = await onBackend('cpu', run);
      const actual = await onBackend('wasm', run);
      expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-3);
    });
  }

  const MATMULS: [number[], number[], boolean, boolean][] = [
    [[1, 5, 7], [1, 5, 3], true, false],
    [[1, 6, 9], [1, 4, 9], false, true],
    [[2, 7, 5], [2, 3, 7], true, true],
    [[3, 4, 6], [3, 6, 2], false, false],
    [[1, 64, 1], [1, 30, 1], false, true],
  ];
  for (const [aShape, bShape, transposeA, transposeB] of MATMULS) {
    it(`BatchMatMul ${aShape.join('×')}${transposeA ? 'ᵀ' : ''} · ${bShape.join('×')}${transposeB ? 'ᵀ' : ''}`, async () => {
      const rng = new Rng(aShape[1]! * 13 + bShape[2]!);
      const a = random(aShape, rng);
      const b = random(bShape, rng);
      const run = () => tf.engine().runKernel('BatchMatMul', { a: tf.tensor(a, aShape), b: tf.tensor(b, bShape) }, { transposeA, transposeB } as never) as tf.Tensor;
      const expected = await onBackend('cpu', run);
      const actual = await onBackend('wasm', run);
      expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-4);
    });
  }

  const REDUCTIONS: [string, number[], number | number[], boolean][] = [
    ['Sum', [4, 5, 5, 6], [0, 1, 2], false],
    ['Sum', [4, 5, 5, 6], [2, 0, 1], true],
    ['Mean', [4, 5, 5, 6], [0, 1, 2], true],
    ['Mean', [64, 30], 0, false],
    ['Sum', [1, 1, 8, 30], [0, 1, 2], false],
    ['Sum', [4, 5, 6], [1, 2], false],
    ['Mean', [4, 5, 6], -1, true],
    ['Sum', [4, 5], [0, 1], false],
  ];
  for (const [kernel, shape, axis, keepDims] of REDUCTIONS) {
    it(`${kernel} of ${shape.join('×')} over ${String(axis)}${keepDims ? ', keepDims' : ''}`, async () => {
      const rng = new Rng(shape.length * 7 + (Array.isArray(axis) ? axis.length : axis));
      const x = random(shape, rng);
      const run = () => tf.engine().runKernel(kernel, { x: tf.tensor(x, shape) }, { axis, keepDims } as never) as tf.Tensor;
      await tf.setBackend('cpu');
      const expectedShape = tf.tidy(run).shape;
      const expected = await onBackend('cpu', run);
      await tf.setBackend('wasm');
      expect(tf.tidy(run).shape).toEqual(expectedShape);
      const actual = await onBackend('wasm', run);
      expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-4);
    });
  }

  it('conv2d gradients through tf.grads agree end to end (strided, same)', async () => {
    const rng = new Rng(7);
    const x = random([2, 9, 9, 3], rng);
    const w = random([4, 4, 3, 5], rng);
    const run = () => {
      const f = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, 'same')));
      const [gx, gw] = tf.grads(f)([tf.tensor(x, [2, 9, 9, 3]), tf.tensor(w, [4, 4, 3, 5])]);
      return tf.concat([tf.reshape(gx!, [-1]), tf.reshape(gw!, [-1])]);
    };
    const expected = await onBackend('cpu', run);
    const actual = await onBackend('wasm', run);
    expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-2);
  });
});
