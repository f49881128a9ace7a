export * from '@genzoo/core';
export { loadModel, type WebLoadOptions } from './load-model.js';
export { WebRuntimeAdapter, type WebAdapterOptions } from './ort-adapter.js';
export { UrlModelSource, FetchError } from './url-source.js';
export { probeWebGpu, type WebGpuSupport } from './webgpu-probe.js';
export { webProvidersFor } from './providers.js';
export { toImageData, drawToCanvas, readCanvas } from './canvas.js';
