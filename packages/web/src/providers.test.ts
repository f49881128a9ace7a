import { describe, expect, it } from 'vitest';
import type { Device } from '@genzoo/core';
import { webProvidersFor } from './providers.js';

describe('webProvidersFor', () => {
  it('prefers WebGPU and falls back to WASM for auto and webgpu', () => {
    expect(webProvidersFor('auto')).toEqual(['webgpu', 'wasm']);
    expect(webProvidersFor('webgpu')).toEqual(['webgpu', 'wasm']);
  });

  it('runs wasm alone when asked', () => {
    expect(webProvidersFor('wasm')).toEqual(['wasm']);
  });

  it('rejects Node-only and unknown devices with a clear error', () => {
    expect(() => webProvidersFor('cuda')).toThrow(/device "cuda" is for Node/);
    expect(() => webProvidersFor('cpu')).toThrow(/device "cpu" is for Node/);
    expect(() => webProvidersFor('tpu' as Device)).toThrow(/unknown device "tpu"/);
  });
});
