import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../random/rng.js';
import { selectBackend } from './select-backend.js';

const saved = process.env['GENZOO_WASM_THREADS'];
afterAll(() => {
  if (saved === undefined) delete process.env['GENZOO_WASM_THREADS'];
  else process.env['GENZOO_WASM_THREADS'] = saved;
});

async function valuesOn(name: string, run: () => tf.Tensor): Promise<Float32Array> {
  await tf.setBackend(name);
  const out = tf.tidy(run);
  const values = (await out.data()) as Float32Array;
  out.dispose();
  return values;
}

describe('multithreaded wasm backend in Node', () => {
  beforeAll(async () => {
    process.env['GENZOO_WASM_THREADS'] = '2';
  });

  it('starts with 2 threads and computes what the cpu backend does', async () => {
    const choice = await selectBackend('wasm');
    expect(choice.threads).toBe(2);
    expect(choice.summary).toMatch(/SIMD on, 2 threads/);
    const rng = new Rng(3);
    const x = rng.normals(8 * 14 * 14 * 8);
    const w = rng.normals(4 * 4 * 8 * 16);
    const a = rng.normals(300 * 200);
    const b = rng.normals(200 * 100);
    const run = (): tf.Tensor => {
      const conv = tf.conv2d(tf.tensor4d(x, [8, 14, 14, 8]), tf.tensor4d(w, [4, 4, 8, 16]), 2, 'same');
      const [gx, gw] = tf.grads((p: tf.Tensor, q: tf.Tensor) => tf.sum(tf.square(tf.conv2d(p as tf.Tensor4D, q as tf.Tensor4D, 2, 'same'))))(
        [tf.tensor4d(x, [8, 14, 14, 8]), tf.tensor4d(w, [4, 4, 8, 16])],
      );
      const product = tf.matMul(tf.tensor2d(a, [300, 200]), tf.tensor2d(b, [200, 100]));
      return tf.concat([conv, gx!, gw!, product].map((t) => tf.reshape(t, [-1])));
    };
    const actual = await valuesOn('wasm', run);
    const expected = await valuesOn('cpu', run);
    let worst = 0;
    for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!) / (1 + Math.abs(expected[i]!)));
    expect(worst).toBeLessThan(1e-3);
  });
});
