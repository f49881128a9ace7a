import * as tf from '@tensorflow/tfjs';
import { availableParallelism, loadavg } from 'node:os';
import { registerMissingKernels } from './register-wasm-kernels.js';
import { startThreadedWasm } from './wasm-threads.js';

/** What the caller asked for: `auto` tries the best backend first. */
export type BackendRequest = 'auto' | 'tensorflow' | 'wasm' | 'cpu';

/** The backends a user may name on the command line. */
export const BACKEND_REQUESTS: readonly BackendRequest[] = ['auto', 'tensorflow', 'wasm', 'cpu'];

/** The backend that trains, and why. */
export interface BackendChoice {
  /** tfjs backend name now active: `tensorflow`, `wasm` or `cpu`. */
  name: string;
  /** Which native package provided `tensorflow`, when it is used. */
  nativePackage?: string;
  /** One line: which backend trains and why the better ones were not used. */
  summary: string;
  /** Why each better backend was skipped. */
  skipped: string[];
  /** wasm only: whether the SIMD build is in use. */
  simd?: boolean;
  /** wasm only: worker threads in use (1 = single-threaded). */
  threads?: number;
  /** Kernels genzoo registered on this backend. */
  registeredKernels: string[];
}

const NATIVE_PACKAGES = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'] as const;

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

async function tryNative(skipped: string[]): Promise<string | undefined> {
  for (const packageName of NATIVE_PACKAGES) {
    try {
      // A variable keeps bundlers and tsc from resolving these optional packages.
      const specifier: string = packageName;
      await import(specifier);
      if (await tf.setBackend('tensorflow')) {
        await tf.ready();
        return packageName;
      }
      skipped.push(`${packageName}: loaded but the 'tensorflow' backend did not initialise`);
    } catch (error) {
      const code = (error as { code?: string }).code;
      skipped.push(code === 'ERR_MODULE_NOT_FOUND' ? `${packageName} not installed` : `${packageName}: ${firstLine(error)}`);
    }
  }
  return undefined;
}

/**
 * Threads for the wasm backend: `GENZOO_WASM_THREADS` when set; otherwise 1 on machines with fewer
 * than {@link MIN_CORES_FOR_AUTO_THREADS} cores, else the cores idle when training starts (load
 * average), at most {@link MAX_DEFAULT_WASM_THREADS}. Threads speed up only XNNPACK's GEMMs and
 * convolutions (a 3136×512·512×64 matMul: 18 → 37 GFLOP/s on 2 cores), not the rest of a step; on
 * 2 cores the reference step measured 281–328 ms with 2 threads against 295–308 ms with 1 when idle,
 * and 436–479 against 368 ms when another process used a core, so 2-core machines default to 1.
 */
export function wasmThreadsWanted(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism(), load = loadavg()[0]!): number {
  const raw = env['GENZOO_WASM_THREADS'];
  if (raw !== undefined && raw.trim() !== '') {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 8) throw new Error(`GENZOO_WASM_THREADS must be an integer in [1, 8], got '${raw}'`);
    return value;
  }
  if (cores < MIN_CORES_FOR_AUTO_THREADS) return 1;
  const idleCores = Math.floor(cores - load + 0.5);
  return Math.max(1, Math.min(MAX_DEFAULT_WASM_THREADS, idleCores));
}

/** Cores below which the wasm backend uses 1 thread unless `GENZOO_WASM_THREADS` says otherwise. */
export const MIN_CORES_FOR_AUTO_THREADS = 4;

/** Most wasm threads picked without `GENZOO_WASM_THREADS` (the threaded build pre-starts 8 workers). */
export const MAX_DEFAULT_WASM_THREADS = 4;

/** Whether a backend is already initialised (`tf.findBackend` would start it). */
function backendStarted(name: string): boolean {
  const registry = (tf.engine() as unknown as { registry?: Record<string, unknown> }).registry;
  return registry !== undefined && name in registry;
}

async function tryWasm(skipped: string[]): Promise<BackendChoice | undefined> {
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
    const registeredKernels = registerMissingKernels('wasm');
    const wanted = wasmThreadsWanted();
    if (wanted > 1 && simd && !backendStarted('wasm')) {
      try {
        const threads = await startThreadedWasm(wanted);
        return { name: 'wasm', summary: '', skipped, simd, threads, registeredKernels };
      } catch (error) {
        // Before the backend starts (an unrecognised tfjs build), single-threaded wasm still works.
        if (backendStarted('wasm')) throw error;
        skipped.push(`wasm threads: ${firstLine(error)}`);
      }
    }
    const multiThread = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
    if (!(await tf.setBackend('wasm'))) {
      skipped.push('wasm: backend did not initialise');
      return undefined;
    }
    await tf.ready();
    const threads = multiThread ? (await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount() : 1;
    return { name: 'wasm', summary: '', skipped, simd, threads, registeredKernels };
  } catch (error) {
    skipped.push(`wasm: ${firstLine(error)}`);
    return undefined;
  }
}

function describe(choice: BackendChoice, why: string): string {
  const details = choice.name === 'wasm'
    ? ` (SIMD ${choice.simd ? 'on' : 'off'}, ${choice.threads ?? 1} thread${choice.threads === 1 ? '' : 's'}${choice.registeredKernels.length > 0 ? `, +${choice.registeredKernels.join(', ')}` : ''})`
    : choice.nativePackage !== undefined ? ` (${choice.nativePackage})` : '';
  const skipped = choice.skipped.length > 0 ? `; skipped: ${choice.skipped.join('; ')}` : '';
  return `backend: ${choice.name}${details} — ${why}${skipped}`;
}

/**
 * Activates a tfjs backend for training.
 *
 * `auto` tries `@tensorflow/tfjs-node-gpu`, then `@tensorflow/tfjs-node`
 * (both optional, never dependencies), then wasm with genzoo's extra kernels.
 * The pure-JS `cpu` backend is used only when asked for by name: it is far
 * too slow to be a silent fallback. Throws with every failure listed when the
 * requested backend cannot start.
 */
export async function selectBackend(request: BackendRequest = 'auto'): Promise<BackendChoice> {
  if (!BACKEND_REQUESTS.includes(request)) {
    throw new Error(`unknown backend '${String(request)}' (expected one of ${BACKEND_REQUESTS.join(', ')})`);
  }
  const skipped: string[] = [];
  if (request === 'cpu') {
    await tf.setBackend('cpu');
    await tf.ready();
    const choice: BackendChoice = { name: 'cpu', summary: '', skipped, registeredKernels: [] };
    choice.summary = describe(choice, 'requested with --backend cpu (pure JS, slow)');
    return choice;
  }
  if (request === 'auto' || request === 'tensorflow') {
    const nativePackage = await tryNative(skipped);
    if (nativePackage !== undefined) {
      const choice: BackendChoice = { name: 'tensorflow', nativePackage, summary: '', skipped, registeredKernels: [] };
      choice.summary = describe(choice, 'native TensorFlow found');
      return choice;
    }
    if (request === 'tensorflow') {
      throw new Error(`backend 'tensorflow' unavailable: ${skipped.join('; ')}`);
    }
  }
  const wasm = await tryWasm(skipped);
  if (wasm === undefined) {
    throw new Error(`no training backend could start (${skipped.join('; ')}); pass --backend cpu to use the slow pure-JS backend`);
  }
  wasm.summary = describe(wasm, request === 'wasm' ? 'requested with --backend wasm' : 'best backend available');
  return wasm;
}
