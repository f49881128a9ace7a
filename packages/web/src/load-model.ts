import { Generator, type Device } from '@genzoo/core';
import { WebRuntimeAdapter, type WebAdapterOptions } from './ort-adapter.js';
import { UrlModelSource } from './url-source.js';

export interface WebLoadOptions extends WebAdapterOptions {
  /** `auto` (WebGPU, else WASM), `webgpu` (falls back to WASM) or `wasm`. */
  device?: Device;
  /** Rows per graph run; see {@link GeneratorOptions.maxBatch}. */
  maxBatch?: number;
}

/**
 * Loads the model folder served at `url` (the folder holding `manifest.json`) into a {@link Generator}
 * running on onnxruntime-web. Graph bytes are checked against the manifest's sha256 before use.
 */
export function loadModel(url: string | URL, { device = 'auto', maxBatch, wasmPaths, numThreads }: WebLoadOptions = {}): Promise<Generator> {
  const adapter = new WebRuntimeAdapter({
    ...(wasmPaths !== undefined && { wasmPaths }),
    ...(numThreads !== undefined && { numThreads }),
  });
  return Generator.load(new UrlModelSource(url), adapter, { device, ...(maxBatch !== undefined && { maxBatch }) });
}
