import type { RuntimeAdapter, SessionHandle } from '../runtime/adapter.js';
import type { ModelSource } from '../runtime/model-source.js';
import { tensor, type TensorData } from '../tensor.js';

/**
 * A runtime with no ONNX inside, for testing code above the adapter seam: the "generator" copies each
 * 8-d latent into a 1×8×8 image (row r = z[r]), the "encoder" returns each image's first row as the mean
 * and zeros as logvar. The graph bytes are ignored.
 */
export class FakeRuntime implements RuntimeAdapter {
  readonly runtime = 'fake-runtime';
  /** Providers whose session creation fails, to exercise fallbacks. */
  readonly broken = new Set<string>();
  sessionsCreated = 0;
  runs = 0;

  providersFor(): string[] {
    return ['fast', 'slow'];
  }

  async createSession(model: Uint8Array, provider: string): Promise<SessionHandle> {
    if (this.broken.has(provider)) throw new Error(`${provider} library not found\nstack noise`);
    this.sessionsCreated += 1;
    const isEncoder = new TextDecoder().decode(model).startsWith('encoder');
    const run = async (feeds: Readonly<Record<string, TensorData>>): Promise<Record<string, TensorData>> => {
      this.runs += 1;
      if (isEncoder) {
        const images = feeds.image!;
        const n = images.dims[0]!;
        const mean = new Float32Array(n * 8);
        for (let row = 0; row < n; row++) mean.set(images.data.subarray(row * 64, row * 64 + 8), row * 8);
        return { mean: tensor(mean, [n, 8]), logvar: tensor(new Float32Array(n * 8), [n, 8]) };
      }
      const z = feeds.z!;
      const n = z.dims[0]!;
      const image = new Float32Array(n * 64);
      for (let row = 0; row < n; row++) for (let y = 0; y < 8; y++) image.set(z.data.subarray(row * 8, row * 8 + 8), row * 64 + y * 8);
      return { image: tensor(image, [n, 1, 8, 8]) };
    };
    return {
      inputNames: isEncoder ? ['image'] : ['z'],
      outputNames: isEncoder ? ['mean', 'logvar'] : ['image'],
      run,
      release: async () => undefined,
    };
  }
}

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
