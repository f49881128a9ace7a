import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { parityInput } from './export-parity.js';

const spec = (role: 'latent' | 'label', width: number) => ({ name: role, role, dtype: 'float32' as const, shape: ['batch' as const, width] });

describe('parityInput', () => {
  it('feeds a label input one-hot rows cycling through the classes, as the runtimes do', () => {
    const labels = parityInput([5, 3], spec('label', 3));
    expect(labels.arraySync()).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0]]);
    expect(labels.dtype).toBe('float32');
    tf.dispose(labels);
  });

  it('feeds every other input seeded standard-normal values', () => {
    const [a, b] = [parityInput([4, 8], spec('latent', 8)), parityInput([4, 8], undefined)];
    expect(a.shape).toEqual([4, 8]);
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(new Set(a.dataSync()).size).toBe(32);
    tf.dispose([a, b]);
  });
});
