import type { RuntimeAdapter, SessionHandle } from '../runtime/adapter.js';
import type { ModelSource } from '../runtime/model-source.js';
import type { Manifest } from '../manifest/schema.js';
import { sha256Hex } from '../runtime/model-source.js';
import { tensor, type TensorData } from '../tensor.js';

/**
 * A runtime with no ONNX inside, for testing code above the adapter seam. The graph's bytes name what it
 * computes: a "generator" copies each 8-d latent into a 1×8×8 image (row r = z[r]), an "encoder" returns
 * each image's first row as the mean and zeros as logvar, a "mixture" sampler returns
 * `10 · component + z` per row (see {@link exampleMixtureManifest}), a "density" graph returns −½‖x‖²,
 * an "a2b" translator negates each pixel and a "b2a" one halves it.
 */
export class FakeRuntime implements RuntimeAdapter {
  readonly runtime = 'fake-runtime';
  /** Providers whose session creation fails, to exercise fallbacks. */
  readonly broken = new Set<string>();
  sessionsCreated = 0;
  runs = 0;
  /** The feeds of the latest run. */
  lastFeeds: Readonly<Record<string, TensorData>> = {};

  providersFor(): string[] {
    return ['fast', 'slow'];
  }

  async createSession(model: Uint8Array, provider: string): Promise<SessionHandle> {
    if (this.broken.has(provider)) throw new Error(`${provider} library not found\nstack noise`);
    this.sessionsCreated += 1;
    const kind = new TextDecoder().decode(model).split(' ')[0] ?? '';
    const compute = GRAPHS[kind] ?? GRAPHS.generator!;
    const run = async (feeds: Readonly<Record<string, TensorData>>): Promise<Record<string, TensorData>> => {
      this.runs += 1;
      this.lastFeeds = feeds;
      return compute.run(feeds);
    };
    return { inputNames: compute.inputs, outputNames: compute.outputs, run, release: async () => undefined };
  }
}

interface FakeGraph {
  inputs: string[];
  outputs: string[];
  run(feeds: Readonly<Record<string, TensorData>>): Record<string, TensorData>;
}

function rowsOf(value: TensorData): number {
  return value.dims[0]!;
}

function pixelwise(transform: (value: number) => number): FakeGraph {
  return {
    inputs: ['source'],
    outputs: ['translated'],
    run: ({ source }) => ({ translated: tensor(source!.data.map(transform), source!.dims) }),
  };
}

const GRAPHS: Record<string, FakeGraph> = {
  a2b: pixelwise((value) => -value),
  b2a: pixelwise((value) => value / 2),
  generator: {
    inputs: ['z'],
    outputs: ['image'],
    run: ({ z }) => {
      const image = new Float32Array(rowsOf(z!) * 64);
      for (let row = 0; row < rowsOf(z!); row++) for (let y = 0; y < 8; y++) image.set(z!.data.subarray(row * 8, row * 8 + 8), row * 64 + y * 8);
      return { image: tensor(image, [rowsOf(z!), 1, 8, 8]) };
    },
  },
  encoder: {
    inputs: ['image'],
    outputs: ['mean', 'logvar'],
    run: ({ image }) => {
      const n = rowsOf(image!);
      const mean = new Float32Array(n * 8);
      for (let row = 0; row < n; row++) mean.set(image!.data.subarray(row * 64, row * 64 + 8), row * 8);
      return { mean: tensor(mean, [n, 8]), logvar: tensor(new Float32Array(n * 8), [n, 8]) };
    },
  },
  mixture: {
    inputs: ['z', 'component'],
    outputs: ['point'],
    run: ({ z, component }) => {
      const [n, dims] = z!.dims as [number, number];
      const components = component!.dims[1]!;
      const point = new Float32Array(n * dims);
      for (let row = 0; row < n; row++) {
        const chosen = component!.data.subarray(row * components, (row + 1) * components).indexOf(1);
        for (let dim = 0; dim < dims; dim++) point[row * dims + dim] = 10 * chosen + z!.data[row * dims + dim]!;
      }
      return { point: tensor(point, [n, dims]) };
    },
  },
  density: {
    inputs: ['point'],
    outputs: ['log_density'],
    run: ({ point }) => {
      const [n, dims] = point!.dims as [number, number];
      const logDensity = new Float32Array(n);
      for (let row = 0; row < n; row++) {
        let squares = 0;
        for (let dim = 0; dim < dims; dim++) squares += point!.data[row * dims + dim]! ** 2;
        logDensity[row] = -squares / 2;
      }
      return { log_density: tensor(logDensity, [n]) };
    },
  },
};

/** A model source over an in-memory map of file name to contents. */
export class MemorySource implements ModelSource {
  readonly location = 'memory://model';
  constructor(readonly files: Map<string, Uint8Array | string>) {}

  async readText(file: string): Promise<string> {
    const value = this.get(file);
    return typeof value === 'string' ? value : new TextDecoder().decode(value);
  }

  async readBytes(file: string): Promise<Uint8Array> {
    const value = this.get(file);
    return typeof value === 'string' ? new TextEncoder().encode(value) : value;
  }

  private get(file: string): Uint8Array | string {
    const value = this.files.get(file);
    if (value === undefined) throw new Error(`${this.location}/${file} does not exist`);
    return value;
  }
}

/**
 * A model folder in memory for {@link FakeRuntime}: each graph file holds the name of the fake graph that
 * computes it (`graphKinds[role]`, default the role itself), and the manifest's sha256 and sizes match.
 */
export async function fakeModelSource(manifest: Manifest, graphKinds: Record<string, string> = {}): Promise<MemorySource> {
  const files = new Map<string, Uint8Array | string>();
  for (const [role, graph] of Object.entries(manifest.graphs)) {
    const bytes = new TextEncoder().encode(`${graphKinds[role] ?? role} graph`);
    files.set(graph.file, bytes);
    Object.assign(graph, { sha256: await sha256Hex(bytes), bytes: bytes.length });
  }
  files.set('manifest.json', JSON.stringify(manifest));
  return new MemorySource(files);
}
