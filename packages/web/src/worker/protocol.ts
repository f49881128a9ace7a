import type { ExecutionInfo, Manifest } from '@genzoo/core';
import type { DownloadProgress } from '../model-cache.js';
import type { WebLoadOptions } from '../load-model.js';

/** Generator methods a worker runs; their arguments and results are structured-cloneable. */
export const REMOTE_METHODS = ['sample', 'samplePoints', 'decode', 'interpolate', 'encode', 'reconstruct', 'logDensity', 'translate'] as const;
export type RemoteMethod = (typeof REMOTE_METHODS)[number];

/** `loadModel` options that can cross into a worker (no callbacks, no cache objects). */
export type WorkerLoadOptions = Omit<WebLoadOptions, 'onProgress' | 'cache'> & { cache?: boolean };

export type WorkerRequest =
  | { id: number; kind: 'load'; url: string; options: WorkerLoadOptions }
  | { id: number; kind: 'call'; model: number; method: RemoteMethod; args: unknown[] }
  | { id: number; kind: 'dispose'; model: number };

/** An error as plain data; the main thread rebuilds a GenzooError with the same message and code. */
export interface WireError {
  name: string;
  message: string;
  code: string;
}

export type WorkerResponse =
  | { id: number; kind: 'loaded'; model: number; manifest: Manifest; execution: ExecutionInfo }
  | { id: number; kind: 'result'; value: unknown }
  | { id: number; kind: 'progress'; progress: DownloadProgress }
  | { id: number; kind: 'error'; error: WireError };

/** The message port a worker and its page talk through: `Worker` on one side, the worker's global scope on the other. */
export interface MessagePortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** The ArrayBuffers of every typed array in a result, to transfer instead of copying. */
export function transferablesOf(value: unknown, found: Set<ArrayBuffer> = new Set()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const item of value) transferablesOf(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) transferablesOf(item, found);
  }
  return [...found];
}
