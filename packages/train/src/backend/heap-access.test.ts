import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { computeOnHost } from './heap-access.js';
import { selectBackend } from './select-backend.js';

/** out = 2·a + b, computed on the host through {@link computeOnHost}. */
async function twiceAPlusB(backendName: 'wasm' | 'cpu'): Promise<number[]> {
  await selectBackend(backendName);
  const a = tf.tensor1d([1, 2, 3]);
  const b = tf.tensor1d([10, 20, 30]);
  const backend = tf.backend();
  const info = computeOnHost(backend, [a, b], [3], (out, [x, y]) => {
    expect(Array.from(out)).toEqual([0, 0, 0]);
    for (let i = 0; i < 3; i++) out[i] = 2 * x![i]! + y![i]!;
  });
  const result = tf.engine().makeTensorFromTensorInfo(info);
  const values = Array.from(await result.data());
  tf.dispose([a, b, result]);
  return values;
}

describe('computeOnHost', () => {
  it('fills a zeroed output from input views on wasm (zero-copy heap views) and on cpu (copies)', async () => {
    expect(await twiceAPlusB('wasm')).toEqual([12, 24, 36]);
    expect(await twiceAPlusB('cpu')).toEqual([12, 24, 36]);
  });
});
