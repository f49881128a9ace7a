// The only module that imports onnxruntime-web. `onnxruntime-web/webgpu` is the build with the
// native WebGPU execution provider; it runs the `wasm` provider from the same binary.
import * as ort from 'onnxruntime-web/webgpu';
import { GenzooError, tensor, type Device, type RuntimeAdapter, type SessionHandle, type TensorData } from '@genzoo/core';
import { webProvidersFor } from './providers.js';
import { probeWebGpu, type WebGpuSupport } from './webgpu-probe.js';

export interface WebAdapterOptions {
  /**
   * URL prefix (ending in `/`) where onnxruntime-web's `ort-wasm-*.mjs` and `.wasm` files are served,
   * e.g. `/ort/`. Relative prefixes resolve against the page. Without it onnxruntime-web looks next to
   * its own script, which after bundling is rarely where those files are.
   */
  wasmPaths?: string;
  /** WebAssembly threads; more than 1 needs a cross-origin isolated page (COOP + COEP headers). */
  numThreads?: number;
}

function absolutePrefix(prefix: string): string {
  const base = (globalThis as { location?: { href: string } }).location?.href;
  const url = base ? new URL(prefix, base).href : prefix;
  return url.endsWith('/') ? url : `${url}/`;
}

let configuredWasmPaths: string | undefined;

/** Applies env settings; they only take effect before onnxruntime-web's first session. */
function configureOrt({ wasmPaths, numThreads }: WebAdapterOptions): void {
  if (wasmPaths !== undefined) {
    const prefix = absolutePrefix(wasmPaths);
    if (configuredWasmPaths !== undefined && configuredWasmPaths !== prefix) {
      throw new GenzooError(`onnxruntime-web already loads its wasm files from ${configuredWasmPaths}; cannot switch to ${prefix}`, 'E_CONFIG');
    }
    configuredWasmPaths = prefix;
    ort.env.wasm.wasmPaths = prefix;
  }
  if (numThreads !== undefined) ort.env.wasm.numThreads = numThreads;
}

class OrtWebSession implements SessionHandle {
  constructor(private readonly session: ort.InferenceSession) {}

  get inputNames(): readonly string[] {
    return this.session.inputNames;
  }

  get outputNames(): readonly string[] {
    return this.session.outputNames;
  }

  async run(feeds: Readonly<Record<string, TensorData>>): Promise<Record<string, TensorData>> {
    const inputs = Object.fromEntries(
      Object.entries(feeds).map(([name, value]) => [name, new ort.Tensor('float32', value.data, [...value.dims])]),
    );
    const results = await this.session.run(inputs);
    const outputs: Record<string, TensorData> = {};
    for (const [name, value] of Object.entries(results)) {
      try {
        if (value.type !== 'float32') throw new GenzooError(`output "${name}" is ${value.type}, genzoo graphs output float32`, 'E_DTYPE');
        const data = (await value.getData()) as Float32Array;
        outputs[name] = tensor(new Float32Array(data), value.dims.map(Number));
      } finally {
        value.dispose();
      }
    }
    return outputs;
  }

  release(): Promise<void> {
    return this.session.release();
  }
}

/**
 * Our graphs are NCHW. onnxruntime-web 1.30's WebGPU provider, left at its default NHWC layout, computes
 * a wrong Conv when the input has exactly 6 channels and the kernel is larger than 1×1 (found by the
 * converter's browser parity suite, see docs/layers.md); with NCHW it is exact, and faster for our graphs.
 */
const WEBGPU_PROVIDER = { name: 'webgpu', preferredLayout: 'NCHW' } as const;

/**
 * {@link RuntimeAdapter} over onnxruntime-web. `auto` and `webgpu` try WebGPU then WASM; `wasm` is WASM only.
 * Before handing a model to onnxruntime's WebGPU provider the adapter asks the browser for a GPU adapter,
 * so a page without WebGPU falls back with the browser's own reason recorded in `ExecutionInfo.fallbacks`.
 */
export class WebRuntimeAdapter implements RuntimeAdapter {
  readonly runtime = 'onnxruntime-web';
  private webGpu: Promise<WebGpuSupport> | undefined;

  constructor(options: WebAdapterOptions = {}) {
    configureOrt(options);
  }

  providersFor(device: Device): string[] {
    return webProvidersFor(device);
  }

  /** Whether WebGPU can be used here (asked once, then remembered). */
  webGpuSupport(): Promise<WebGpuSupport> {
    this.webGpu ??= probeWebGpu();
    return this.webGpu;
  }

  async createSession(model: Uint8Array, provider: string): Promise<SessionHandle> {
    if (provider === 'webgpu') {
      const support = await this.webGpuSupport();
      if (!support.available) throw new GenzooError(support.reason, 'E_PROVIDER');
    } else if (provider !== 'wasm') {
      throw new GenzooError(`onnxruntime-web has no "${provider}" provider here (use webgpu or wasm)`, 'E_PROVIDER');
    }
    const session = await ort.InferenceSession.create(model, {
      executionProviders: [provider === 'webgpu' ? WEBGPU_PROVIDER : provider],
      graphOptimizationLevel: 'all',
    });
    return new OrtWebSession(session);
  }
}
