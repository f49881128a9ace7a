/** Whether this page can run WebGPU, and if not, why. */
export type WebGpuSupport = { available: true; adapter: string } | { available: false; reason: string };

interface GpuAdapterLike {
  readonly info?: { vendor?: string; architecture?: string; description?: string };
}

interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

function describeAdapter(adapter: GpuAdapterLike): string {
  const { vendor, architecture, description } = adapter.info ?? {};
  return [vendor, architecture, description].filter(Boolean).join(' ') || 'unnamed adapter';
}

/**
 * Asks the browser for a WebGPU adapter. `navigator.gpu` only exists in secure contexts
 * (https, or http on localhost / 127.0.0.1) of browsers that ship WebGPU.
 */
export async function probeWebGpu(): Promise<WebGpuSupport> {
  const gpu = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
  if (!gpu) {
    const secure = (globalThis as { isSecureContext?: boolean }).isSecureContext;
    const reason =
      secure === false
        ? 'navigator.gpu is missing: WebGPU needs a secure context (https, or http://127.0.0.1 / localhost)'
        : 'navigator.gpu is missing: this browser does not offer WebGPU';
    return { available: false, reason };
  }
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { available: false, reason: 'navigator.gpu.requestAdapter() found no GPU adapter' };
    return { available: true, adapter: describeAdapter(adapter) };
  } catch (error) {
    return { available: false, reason: `navigator.gpu.requestAdapter() failed: ${(error as Error).message ?? String(error)}` };
  }
}
