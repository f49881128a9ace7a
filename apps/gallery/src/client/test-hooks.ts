import { callCapability, type CapabilityCall, type CapabilityOutput } from '@genzoo/web';
import type { DownloadProgress } from '@genzoo/web';
import { downloadListeners, generatorFor, runInBrowser, type BrowserDevice } from './browser-runs.js';

/** What `window.genzooRun` returns: the tiled grid as base64 RGBA plus how it was computed. */
export interface GenzooRunResult {
  width: number;
  height: number;
  rgbaBase64: string;
  runtime: string;
  requested: string;
  provider: string;
  fallbacks: { provider: string; reason: string }[];
  timeMs: number;
}

function toBase64(bytes: Uint8ClampedArray): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(text);
}

declare global {
  interface Window {
    /** Runs a model in this page; used by the browser tests and handy from the devtools console. */
    genzooRun(modelId: string, seed: number, n: number, device: BrowserDevice): Promise<GenzooRunResult>;
    /** Runs any capability of a model in this page, as plain data (see `callCapability` in @genzoo/core). */
    genzooCall(modelId: string, device: BrowserDevice, call: CapabilityCall): Promise<CapabilityOutput>;
    /** Every model file download or cache read since the page loaded. */
    genzooDownloads: DownloadProgress[];
  }
}

export function installTestHooks(): void {
  window.genzooRun = async (modelId, seed, n, device) => {
    const { image, execution, timeMs } = await runInBrowser(modelId, device, seed, n);
    return { width: image.width, height: image.height, rgbaBase64: toBase64(image.data), ...execution, timeMs };
  };
  window.genzooDownloads = [];
  downloadListeners.add((progress) => window.genzooDownloads.push(progress));
  window.genzooCall = async (modelId, device, call) => callCapability(await generatorFor(modelId, device).generator, call);
}
