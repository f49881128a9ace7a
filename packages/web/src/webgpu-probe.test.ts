import { afterEach, describe, expect, it, vi } from 'vitest';
import { probeWebGpu } from './webgpu-probe.js';

describe('probeWebGpu', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('explains a missing navigator.gpu in an insecure context', async () => {
    vi.stubGlobal('navigator', {});
    vi.stubGlobal('isSecureContext', false);
    expect(await probeWebGpu()).toEqual({ available: false, reason: expect.stringMatching(/needs a secure context/) });
  });

  it('reports when no adapter is found', async () => {
    vi.stubGlobal('navigator', { gpu: { requestAdapter: async () => null } });
    expect(await probeWebGpu()).toEqual({ available: false, reason: expect.stringMatching(/found no GPU adapter/) });
  });

  it('describes the adapter it found', async () => {
    vi.stubGlobal('navigator', { gpu: { requestAdapter: async () => ({ info: { vendor: 'google', architecture: 'swiftshader' } }) } });
    expect(await probeWebGpu()).toEqual({ available: true, adapter: 'google swiftshader' });
  });
});
