import { Generator, type Device } from '@genzoo/core';
import { openModelCache, type DownloadProgress, type ResponseCache } from './model-cache.js';
import { WebRuntimeAdapter, type WebAdapterOptions } from './ort-adapter.js';
import { UrlModelSource } from './url-source.js';

export interface WebLoadOptions extends WebAdapterOptions {
  /** `auto` (WebGPU, else WASM), `webgpu` (falls back to WASM) or `wasm`. */
  device?: Device;
  /** Rows per graph run; see {@link GeneratorOptions.maxBatch}. */
  maxBatch?: number;
  /**
   * Keep graphs in Cache Storage, keyed by URL and sha256, so later visits load without downloading
   * (default `true` where Cache Storage exists). Pass a cache of your own, or `false` for none.
   */
  cache?: boolean | ResponseCache;
  /** Called as each file downloads, or is read back from the cache. */
  onProgress?: (progress: DownloadProgress) => void;
}

/**
 * Loads the model folder served at `url` (the folder holding `manifest.json`) into a {@link Generator}
 * running on onnxruntime-web. Graph bytes are checked against the manifest's sha256 before use.
 */
export async function loadModel(url: string | URL, options: WebLoadOptions = {}): Promise<Generator> {
  const { device = 'auto', maxBatch, wasmPaths, numThreads, cache = true, onProgress } = options;
  const adapter = new WebRuntimeAdapter({
    ...(wasmPaths !== undefined && { wasmPaths }),
    ...(numThreads !== undefined && { numThreads }),
  });
  const responseCache = cache === true ? await openModelCache() : cache === false ? undefined : cache;
  const source = new UrlModelSource(url, { cache: responseCache, onProgress });
  return Generator.load(source, adapter, { device, ...(maxBatch !== undefined && { maxBatch }) });
}
