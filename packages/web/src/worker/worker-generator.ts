import {
  GenzooError,
  capabilitiesOf,
  tensorToRgbaImages,
  type Capability,
  type DensityResult,
  type Encoding,
  type ExecutionInfo,
  type GeneratorApi,
  type ImageBatch,
  type InterpolateOptions,
  type Manifest,
  type PointSampleOptions,
  type PointSampleResult,
  type ReconstructOptions,
  type RgbaImage,
  type SampleOptions,
  type SampleResult,
  type TensorData,
  type TranslateOptions,
} from '@genzoo/core';
import type { DownloadProgress } from '../model-cache.js';
import type { MessagePortLike, RemoteMethod, WorkerLoadOptions, WorkerRequest, WorkerResponse } from './protocol.js';

/** A request before the connection numbers it. */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

type Pending = { resolve(value: unknown): void; reject(error: Error): void; onProgress?: ((progress: DownloadProgress) => void) | undefined };

/** One page-side connection to a worker running {@link serveModels}; requests are matched to replies by id. */
class WorkerConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly port: MessagePortLike) {
    port.addEventListener('message', (event: MessageEvent) => this.receive(event.data as WorkerResponse));
  }

  request<T>(message: Unnumbered<WorkerRequest>, onProgress?: (progress: DownloadProgress) => void): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      this.port.postMessage({ ...message, id });
    });
  }

  private receive(response: WorkerResponse): void {
    const waiting = this.pending.get(response.id);
    if (!waiting) return;
    if (response.kind === 'progress') {
      waiting.onProgress?.(response.progress);
      return;
    }
    this.pending.delete(response.id);
    if (response.kind === 'error') waiting.reject(Object.assign(new GenzooError(response.error.message, response.error.code), { name: response.error.name }));
    else waiting.resolve(response.kind === 'loaded' ? response : response.value);
  }
}

const connections = new WeakMap<MessagePortLike, WorkerConnection>();

/** A generator whose sessions live in a Web Worker: the same API as {@link Generator}, off the main thread. */
export class WorkerGenerator implements GeneratorApi {
  readonly capabilities: Capability[];

  constructor(
    private readonly connection: WorkerConnection,
    private readonly handle: number,
    readonly manifest: Manifest,
    private readonly loadedOn: ExecutionInfo,
  ) {
    this.capabilities = capabilitiesOf(manifest);
  }

  get id(): string {
    return this.manifest.id;
  }

  async execution(): Promise<ExecutionInfo> {
    return this.loadedOn;
  }

  sample(options: SampleOptions): Promise<SampleResult> {
    return this.call('sample', options);
  }

  samplePoints(options: PointSampleOptions): Promise<PointSampleResult> {
    return this.call('samplePoints', options);
  }

  decode(latents: TensorData, labels?: readonly number[], components?: readonly number[]): Promise<ImageBatch> {
    return this.call('decode', latents, labels, components);
  }

  interpolate(options: InterpolateOptions): Promise<SampleResult> {
    return this.call('interpolate', options);
  }

  encode(images: TensorData, labels?: readonly number[]): Promise<Encoding> {
    return this.call('encode', images, labels);
  }

  reconstruct(images: TensorData, options?: ReconstructOptions): Promise<SampleResult> {
    return this.call('reconstruct', images, options);
  }

  logDensity(samples: TensorData): Promise<DensityResult> {
    return this.call('logDensity', samples);
  }

  translate(images: TensorData, options?: TranslateOptions): Promise<ImageBatch> {
    return this.call('translate', images, options);
  }

  toRgba(batch: ImageBatch): RgbaImage[] {
    return tensorToRgbaImages(batch.images, batch.format);
  }

  async dispose(): Promise<void> {
    await this.connection.request({ kind: 'dispose', model: this.handle });
  }

  private call<T>(method: RemoteMethod, ...args: unknown[]): Promise<T> {
    return this.connection.request<T>({ kind: 'call', model: this.handle, method, args });
  }
}

export interface WorkerLoadModelOptions extends WorkerLoadOptions {
  onProgress?: (progress: DownloadProgress) => void;
}

/**
 * Loads a model inside `worker` (a Web Worker whose module calls `serveModels(self)`) and returns a
 * generator whose calls run there. Create the worker with your bundler's worker syntax, e.g.
 * `new Worker(new URL('./genzoo-worker.js', import.meta.url), { type: 'module' })`.
 */
export async function loadModelInWorker(worker: MessagePortLike, url: string | URL, options: WorkerLoadModelOptions = {}): Promise<WorkerGenerator> {
  let connection = connections.get(worker);
  if (!connection) {
    connection = new WorkerConnection(worker);
    connections.set(worker, connection);
  }
  const { onProgress, ...rest } = options;
  const absolute = new URL(url, (globalThis as { location?: { href: string } }).location?.href).href;
  const loaded = await connection.request<Extract<WorkerResponse, { kind: 'loaded' }>>({ kind: 'load', url: absolute, options: rest }, onProgress);
  return new WorkerGenerator(connection, loaded.model, loaded.manifest, loaded.execution);
}
