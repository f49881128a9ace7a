import type { TensorData } from '../tensor.js';

/**
 * Where a user asks a model to run. `auto` means the best the runtime has:
 * CUDA then CPU in Node, WebGPU then WASM in the browser.
 */
export type Device = 'auto' | 'cpu' | 'cuda' | 'webgpu' | 'wasm';

export const DEVICES: readonly Device[] = ['auto', 'cpu', 'cuda', 'webgpu', 'wasm'];

/** A provider that was tried and not used, and why. */
export interface FallbackNote {
  provider: string;
  reason: string;
}

/** Which runtime and execution provider actually ran a graph, and every fallback on the way there. */
export interface ExecutionInfo {
  /** e.g. `onnxruntime-node`, `onnxruntime-web`. */
  runtime: string;
  requested: Device;
  /** The execution provider in use, e.g. `cpu`, `cuda`, `webgpu`, `wasm`. */
  provider: string;
  fallbacks: FallbackNote[];
}

/** One loaded ONNX graph in some runtime. */
export interface SessionHandle {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Readonly<Record<string, TensorData>>): Promise<Record<string, TensorData>>;
  release(): Promise<void>;
}

/**
 * What a runtime package (`@genzoo/node`, `@genzoo/web`) implements; everything else lives in core.
 * Mirrors onnxruntime-common's backend registry: the adapter lists providers in preference order and
 * core tries them one by one, keeping the reason for each one that failed.
 */
export interface RuntimeAdapter {
  readonly runtime: string;
  /** Execution providers to try, best first, for a requested device; unknown devices throw. */
  providersFor(device: Device): string[];
  /** Creates a session on exactly this provider, or throws why it cannot. */
  createSession(model: Uint8Array, provider: string): Promise<SessionHandle>;
}
