import * as tf from '@tensorflow/tfjs';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The part of Emscripten's module that owns the pthread workers. */
interface PThreadModule {
  PThread?: { runningWorkers?: { unref?: () => void }[]; unusedWorkers?: { unref?: () => void }[] };
}

// The worker receives the main script as a Blob and turns it into a `blob:` URL, which Node's
// importScripts shim cannot read; a file path it can.
const BLOB_IMPORT =
  'if(typeof e.data.urlOrBlob=="string"){importScripts(e.data.urlOrBlob)}else{var objectUrl=URL.createObjectURL(e.data.urlOrBlob);importScripts(objectUrl);URL.revokeObjectURL(objectUrl)}';

let workerFile: string | undefined;

/**
 * The pthread worker script of tfjs-backend-wasm's threaded SIMD build, written to a file with its
 * main-script import pointed at the package's own `wasm-out/tfjs-backend-wasm-threaded-simd.js`.
 */
function pthreadWorkerFile(): string {
  if (workerFile !== undefined) return workerFile;
  const root = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
  const mainScript = join(root, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.js');
  const { wasmWorkerContents } = require(join(root, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.worker.js')) as { wasmWorkerContents: string };
  if (!wasmWorkerContents.includes(BLOB_IMPORT)) throw new Error('unrecognised tfjs-backend-wasm pthread worker (tfjs version changed?)');
  // The package escapes newlines the same way before it makes its Blob.
  const source = wasmWorkerContents.replace(/\n/g, '\\n').replace(BLOB_IMPORT, `importScripts(${JSON.stringify(mainScript)});`);
  // Named by its content: the processes of one user share one file per tfjs version.
  const dir = join(os.tmpdir(), `genzoo-wasm-${process.getuid?.() ?? 0}`);
  const file = join(dir, `pthread-worker-${createHash('sha256').update(source).digest('hex').slice(0, 16)}.cjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, source);
    renameSync(temp, file);
  }
  workerFile = file;
  return file;
}

/**
 * Starts the wasm backend with its multithreaded SIMD build in Node, which tfjs-backend-wasm
 * disables there (its pthread workers load from `blob:` URLs, which `worker_threads` rejects).
 * Three shims, each undone once the backend is up: `URL.createObjectURL` hands Emscripten a file
 * path for the worker script; `os.cpus()` reports twice the cores, because the C++ side caps its
 * XNNPACK pool at half the logical cores (it assumes hyper-threading), which is 1 on a 2-core
 * machine; and the multithreading flag is forced on. Afterwards the pool's workers are unref'd so
 * they do not keep the process alive. Call before `tf.setBackend('wasm')`; returns the threads in use.
 */
export async function startThreadedWasm(threads: number): Promise<number> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const workerPath = pthreadWorkerFile();
  const createObjectURL = URL.createObjectURL;
  const cpus = os.cpus;
  URL.createObjectURL = (object: Blob): string =>
    object instanceof Blob && object.type === 'application/javascript' ? workerPath : createObjectURL.call(URL, object);
  os.cpus = (): os.CpuInfo[] => {
    const list = cpus.call(os);
    return [...list, ...list];
  };
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  wasm.setThreadsCount(threads);
  try {
    if (!(await tf.setBackend('wasm'))) throw new Error('threaded wasm backend did not initialise');
    await tf.ready();
  } finally {
    os.cpus = cpus;
    URL.createObjectURL = createObjectURL;
  }
  unrefWasmWorkers();
  return wasm.getThreadsCount();
}

/** Lets the process exit while the wasm backend's pthread workers are alive. */
export function unrefWasmWorkers(): void {
  const registry = (tf.engine() as unknown as { registry?: Record<string, { wasm?: PThreadModule }> }).registry;
  const backend = registry?.['wasm'];
  const pthread = backend?.wasm?.PThread;
  for (const worker of [...(pthread?.runningWorkers ?? []), ...(pthread?.unusedWorkers ?? [])]) worker.unref?.();
}
