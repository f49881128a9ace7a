import { describeExecution, tileImages, type ExecutionInfo, type Generator } from '@genzoo/core';
import { encodePng, loadModel } from '@genzoo/node';
import type { RegisteredModel } from './model-registry.js';

export interface SampleRequest {
  n: number;
  seed: number;
  truncation?: number | undefined;
}

export interface RenderedGrid {
  png: Uint8Array;
  execution: ExecutionInfo;
  /** Milliseconds spent in the runtime. */
  runMs: number;
  /** Milliseconds for the whole request: session (on first use), run, tiling and PNG encoding. */
  totalMs: number;
}

/** The gallery's server-side runtime: one onnxruntime-node generator per model, opened on first use. */
export class NodeRuntime {
  private readonly generators = new Map<string, Promise<Generator>>();

  generator(model: RegisteredModel): Promise<Generator> {
    let generator = this.generators.get(model.manifest.id);
    if (!generator) {
      generator = loadModel(model.folder, { device: 'auto' });
      generator.catch(() => this.generators.delete(model.manifest.id));
      this.generators.set(model.manifest.id, generator);
    }
    return generator;
  }

  /** Samples `n` images from `seed` and tiles them into one PNG, like the browser panels do. */
  async renderGrid(model: RegisteredModel, request: SampleRequest): Promise<RenderedGrid> {
    const started = performance.now();
    const generator = await this.generator(model);
    const result = await generator.sample(request);
    const png = await encodePng(tileImages(generator.toRgba(result)));
    return { png, execution: result.execution, runMs: result.timeMs, totalMs: performance.now() - started };
  }

  describe(execution: ExecutionInfo): string {
    return describeExecution(execution);
  }

  async close(): Promise<void> {
    const loaded = await Promise.allSettled(this.generators.values());
    this.generators.clear();
    await Promise.all(loaded.map((result) => (result.status === 'fulfilled' ? result.value.dispose() : undefined)));
  }
}
