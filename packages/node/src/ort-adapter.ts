import * as ort from 'onnxruntime-node';
import {
  DEVICES,
  GenzooError,
  InputError,
  tensor,
  type Device,
  type RuntimeAdapter,
  type SessionHandle,
  type TensorData,
} from '@genzoo/core';
import { processSessionCache, type SessionCache } from './session-cache.js';

// Failures surface as exceptions (and as fallback reasons); without this onnxruntime also prints them
// natively to stderr, e.g. a multi-line log every time the CUDA provider is missing.
ort.env.logLevel = 'fatal';

/** Most intra-op threads accepted; more is a typo, not a machine. */
const MAX_THREADS = 1024;

export interface OrtAdapterOptions {
  /**
   * Threads one operator may use (onnxruntime's intra-op threads). Defaults to `$GENZOO_THREADS`,
   * else onnxruntime's own default of one per physical core.
   */
  threads?: number | undefined;
  /**
   * Share sessions process-wide (default true): loading the same model twice with the same provider
   * and threads reuses one onnxruntime session, released when the last generator using it is disposed.
   */
  shareSessions?: boolean | undefined;
}

/** Where onnxruntime-node's CUDA provider was found missing, once per process: the libraries are process-wide. */
let cudaUnavailable: string | undefined;

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, ' ').trim() || 'unknown error';
}

function parseThreads(value: unknown, what: string): number {
  const count = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_THREADS) {
    throw new InputError(`${what} must be an integer from 1 to ${MAX_THREADS}, got ${JSON.stringify(value)}`);
  }
  return count;
}

/** Explains a failure to append the CUDA provider; the usual cause is that its libraries were never installed. */
function cudaReason(error: unknown): string {
  const message = oneLine(error);
  if (/failed to load|cannot open shared object|libcu|not found/i.test(message)) {
    return 'CUDA provider libraries are not installed: reinstall onnxruntime-node with ONNXRUNTIME_NODE_INSTALL=cuda12, on a machine with CUDA 12 and cuDNN 9';
  }
  return message;
}

function toOrtTensor(value: TensorData): ort.Tensor {
  return new ort.Tensor('float32', value.data, value.dims);
}

function fromOrtTensor(value: ort.Tensor, name: string): TensorData {
  if (value.type !== 'float32') {
    throw new GenzooError(`graph output "${name}" is ${value.type}; genzoo graphs must output float32`, 'E_GRAPH');
  }
  return tensor(value.data as Float32Array, value.dims);
}

/** A loaded onnxruntime-node session behind core's runtime-neutral {@link SessionHandle}. */
class OrtSession implements SessionHandle {
  private released = false;

  constructor(
    private readonly session: ort.InferenceSession,
    /** Releases the session (or this user's share of a cached one). */
    private readonly releaseSession: () => Promise<void>,
  ) {}

  get inputNames(): readonly string[] {
    return this.session.inputNames;
  }

  get outputNames(): readonly string[] {
    return this.session.outputNames;
  }

  async run(feeds: Readonly<Record<string, TensorData>>): Promise<Record<string, TensorData>> {
    const given = Object.keys(feeds);
    const missing = this.inputNames.filter((name) => !given.includes(name));
    const unknown = given.filter((name) => !this.inputNames.includes(name));
    if (missing.length || unknown.length) {
      throw new GenzooError(
        `graph inputs are [${this.inputNames.join(', ')}] but got [${given.join(', ')}]: the manifest does not match the .onnx file`,
        'E_GRAPH',
      );
    }
    const ortFeeds = Object.fromEntries(Object.entries(feeds).map(([name, value]) => [name, toOrtTensor(value)]));
    let results: ort.InferenceSession.OnnxValueMapType;
    try {
      results = await this.session.run(ortFeeds);
    } catch (error) {
      throw new GenzooError(`onnxruntime-node could not run the graph: ${oneLine(error)}`, 'E_RUN');
    }
    return Object.fromEntries(this.outputNames.map((name) => [name, fromOrtTensor(results[name] as ort.Tensor, name)]));
  }

  /** Idempotent: a handle gives up its session once. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.releaseSession();
  }
}

/**
 * Core's {@link RuntimeAdapter} for onnxruntime-node: providers `cuda` and `cpu`, float32 tensors,
 * full graph optimization. The only module of this package that imports onnxruntime-node.
 */
export class OrtAdapter implements RuntimeAdapter {
  readonly runtime = 'onnxruntime-node';
  /** Intra-op threads in use; `undefined` leaves onnxruntime's default. */
  readonly threads: number | undefined;
  private readonly cache: SessionCache | undefined;

  /** @throws InputError for a bad thread count, from `options` or `$GENZOO_THREADS`. */
  constructor(options: OrtAdapterOptions = {}, env: Readonly<Record<string, string | undefined>> = process.env) {
    if (options.threads !== undefined) this.threads = parseThreads(options.threads, 'threads');
    else if (env.GENZOO_THREADS) this.threads = parseThreads(env.GENZOO_THREADS, 'GENZOO_THREADS');
    this.cache = options.shareSessions === false ? undefined : processSessionCache;
  }

  /** `auto` and `cuda` try CUDA then CPU (CUDA only where this build of onnxruntime-node has it); `cpu` is CPU only. */
  providersFor(device: Device): string[] {
    switch (device) {
      case 'auto':
        return hasCudaBuild() ? ['cuda', 'cpu'] : ['cpu'];
      case 'cuda':
        return ['cuda', 'cpu'];
      case 'cpu':
        return ['cpu'];
      case 'webgpu':
      case 'wasm':
        throw new InputError(`device "${device}" is a browser device (use @genzoo/web); in Node use auto, cpu or cuda`);
      default:
        throw new InputError(`device must be one of ${DEVICES.join(', ')}, got ${JSON.stringify(device)}`);
    }
  }

  async createSession(model: Uint8Array, provider: string): Promise<SessionHandle> {
    if (provider !== 'cpu' && provider !== 'cuda') throw new InputError(`onnxruntime-node has no provider "${provider}" in genzoo`);
    if (provider === 'cuda') {
      if (!hasCudaBuild()) throw new Error(`onnxruntime-node has no CUDA provider on ${process.platform}/${process.arch}`);
      if (cudaUnavailable) throw new Error(cudaUnavailable);
    }
    const options: ort.InferenceSession.SessionOptions = {
      executionProviders: [provider],
      graphOptimizationLevel: 'all',
      ...(this.threads === undefined ? {} : { intraOpNumThreads: this.threads }),
    };
    try {
      if (!this.cache) {
        const session = await ort.InferenceSession.create(model, options);
        return new OrtSession(session, () => session.release());
      }
      const { cache } = this;
      const { session, cacheKey } = await cache.acquire(model, `${provider}|${this.threads ?? 'default'}`, () => ort.InferenceSession.create(model, options));
      return new OrtSession(session, () => cache.release(cacheKey));
    } catch (error) {
      if (provider !== 'cuda') throw new Error(oneLine(error));
      const reason = cudaReason(error);
      if (reason !== oneLine(error)) cudaUnavailable = reason;
      throw new Error(reason);
    }
  }
}

/** Whether this platform's onnxruntime-node build has a CUDA provider at all (its libraries may still be missing). */
function hasCudaBuild(): boolean {
  return ort.listSupportedBackends().some((backend) => backend.name === 'cuda');
}
