import { loadModelInWorker, now, tileImages, type DownloadProgress, type ExecutionInfo, type GeneratorApi, type RgbaImage, type TensorData } from '@genzoo/web';

/** Where the page serves onnxruntime-web's wasm files (see the server's static routes). */
const WASM_PATHS = '/ort/';

export type BrowserDevice = 'webgpu' | 'wasm' | 'auto';

export interface BrowserGrid {
  image: RgbaImage;
  execution: ExecutionInfo;
  /** Milliseconds in the runtime for this run. */
  timeMs: number;
  /** Milliseconds to fetch, verify and open the model, when this run opened it. */
  loadMs?: number;
}

const generators = new Map<string, Promise<GeneratorApi>>();

/** One inference worker per runtime: WebGPU and WASM sessions each get a thread, and the page none. */
const workers = new Map<BrowserDevice, Worker>();

function workerFor(device: BrowserDevice): Worker {
  let worker = workers.get(device);
  if (!worker) {
    worker = new Worker(new URL('./inference-worker.ts', import.meta.url), { type: 'module', name: `genzoo-${device}` });
    workers.set(device, worker);
  }
  return worker;
}

/** Listeners for model download progress (the page shows it in the panel that is loading). */
export const downloadListeners = new Set<(progress: DownloadProgress) => void>();

/** The page's generator for a model and device, loaded once (in a worker) and shared by every panel and hook. */
export function generatorFor(id: string, device: BrowserDevice): { generator: Promise<GeneratorApi>; fresh: boolean } {
  const key = `${id}:${device}`;
  const cached = generators.get(key);
  if (cached) return { generator: cached, fresh: false };
  const generator: Promise<GeneratorApi> = loadModelInWorker(workerFor(device), `/models/${encodeURIComponent(id)}/`, {
    device,
    wasmPaths: WASM_PATHS,
    onProgress: (progress) => downloadListeners.forEach((listener) => listener(progress)),
  });
  generator.catch(() => generators.delete(key));
  generators.set(key, generator);
  return { generator, fresh: true };
}

/** Sampling settings beyond seed and n, as the server's endpoint takes them. */
export interface BrowserSampleOptions {
  truncation?: number | undefined;
  /** One class for every sample (conditional models). */
  label?: number | undefined;
}

/** Samples `n` images from `seed` in this page and tiles them exactly as the server does. */
export async function runInBrowser(id: string, device: BrowserDevice, seed: number, n: number, options: BrowserSampleOptions = {}): Promise<BrowserGrid> {
  const started = now();
  const { generator: pending, fresh } = generatorFor(id, device);
  const generator = await pending;
  const loadMs = fresh ? now() - started : undefined;
  const labels = options.label === undefined ? undefined : new Array<number>(n).fill(options.label);
  const result = await generator.sample({ n, seed, truncation: options.truncation, labels });
  const image = tileImages(generator.toRgba(result));
  return { image, execution: result.execution, timeMs: result.timeMs, ...(loadMs !== undefined && { loadMs }) };
}

export interface BrowserPoints {
  points: TensorData;
  execution: ExecutionInfo;
  timeMs: number;
  loadMs?: number;
}

/** Samples `n` points from `seed` in this page (models of vector samples). */
export async function runPointsInBrowser(id: string, device: BrowserDevice, seed: number, n: number): Promise<BrowserPoints> {
  const started = now();
  const { generator: pending, fresh } = generatorFor(id, device);
  const generator = await pending;
  const loadMs = fresh ? now() - started : undefined;
  const result = await generator.samplePoints({ n, seed });
  return { points: result.points, execution: result.execution, timeMs: result.timeMs, ...(loadMs !== undefined && { loadMs }) };
}

/** Releases the sessions of every model but `keep`. */
export async function releaseOthers(keep: string): Promise<void> {
  for (const [key, generator] of generators) {
    if (key.startsWith(`${keep}:`)) continue;
    generators.delete(key);
    await generator.then((loaded) => loaded.dispose()).catch(() => undefined);
  }
}
