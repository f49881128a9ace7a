import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend, wasmThreadsWanted } from './select-backend.js';

describe('selectBackend', () => {
  it('auto: skips the missing native packages and trains on wasm with SIMD and our kernels, saying why', async () => {
    const choice = await selectBackend('auto');
    expect(choice.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(choice.simd).toBe(true);
    expect(choice.registeredKernels).toContain('Conv2DBackpropFilter');
    expect(choice.summary).toMatch(/^backend: wasm \(SIMD on, \d threads?/);
    expect(choice.threads).toBeGreaterThanOrEqual(1);
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

  it('wasm threads: GENZOO_WASM_THREADS wins; else 1 below 4 cores, the idle cores (≤ 4) from 4', () => {
    expect(wasmThreadsWanted({ GENZOO_WASM_THREADS: '2' }, 2, 2)).toBe(2);
    expect(() => wasmThreadsWanted({ GENZOO_WASM_THREADS: 'many' }, 2, 0)).toThrow(/GENZOO_WASM_THREADS must be an integer in \[1, 8\], got 'many'/);
    expect(wasmThreadsWanted({}, 2, 0)).toBe(1);
    expect(wasmThreadsWanted({}, 1, 0)).toBe(1);
    expect(wasmThreadsWanted({}, 4, 0.2)).toBe(4);
    expect(wasmThreadsWanted({}, 4, 2.2)).toBe(2);
    expect(wasmThreadsWanted({}, 8, 9)).toBe(1);
    expect(wasmThreadsWanted({}, 16, 0)).toBe(4);
  });

  it('rejects unknown names', async () => {
    await expect(selectBackend('cuda' as never)).rejects.toThrow(/unknown backend 'cuda'/);
  });
});
