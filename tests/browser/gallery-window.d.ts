// The hooks the gallery page installs (apps/gallery/src/client/test-hooks.ts), as the browser tests see them.
import type { CapabilityCall, CapabilityOutput } from '@genzoo/core';

declare global {
  interface Window {
    genzooRun(
      modelId: string,
      seed: number,
      n: number,
      device: 'webgpu' | 'wasm' | 'auto',
    ): Promise<{
      width: number;
      height: number;
      rgbaBase64: string;
      runtime: string;
      requested: string;
      provider: string;
      fallbacks: { provider: string; reason: string }[];
      timeMs: number;
    }>;
    genzooCall(modelId: string, device: 'webgpu' | 'wasm' | 'auto', call: CapabilityCall): Promise<CapabilityOutput>;
    genzooDownloads: { file: string; url: string; loaded: number; total: number | undefined; fromCache: boolean }[];
  }
}
