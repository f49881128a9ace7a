import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './select-backend.js';

describe('selectBackend', () => {
  it('auto: skips the missing native packages and trains on wasm with SIMD and our kernels, saying why', async () => {
    const choice = await selectBackend('auto');
    expect(choice.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(choice.simd).toBe(true);
    expect(choice.registeredKernels).toContain('Conv2DBackpropFilter');
    expect(choice.summary).toMatch(/^backend: wasm \(SIMD on, 1 thread/);
    expect(choice.summary).toContain('@tensorflow/tfjs-node-gpu not installed');
    expect(choice.summary).toContain('@tensorflow/tfjs-node not installed');
    expect(choice.summary).not.toContain('\n');
  });

  it('tensorflow: fails with every reason when no native package is installed', async () => {
    await expect(selectBackend('tensorflow')).rejects.toThrow(/backend 'tensorflow' unavailable: @tensorflow\/tfjs-node-gpu not installed; @tensorflow\/tfjs-node not installed/);
  });

  it('cpu only when asked for by name', async () => {
    const choice = await selectBackend('cpu');
    expect(choice.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(choice.summary).toContain('--backend cpu');
  });

  it('rejects unknown names', async () => {
    await expect(selectBackend('cuda' as never)).rejects.toThrow(/unknown backend 'cuda'/);
  });
});
