import { describeExecution, scatterPlot, tileImages, type ExecutionInfo, type Generator, type RgbaImage, type TensorData, type TranslationDirection } from '@genzoo/core';
import { encodePng, encodeWebp, loadModel, translateImage } from '@genzoo/node';
import type { RegisteredModel } from './model-registry.js';

export interface SampleRequest {
  n: number;
  seed: number;
  truncation?: number | undefined;
  /** Class of each sample, for conditional models. */
  labels?: readonly number[] | undefined;
}

export interface SampledPoints {
  points: TensorData;
  execution: ExecutionInfo;
  /** Milliseconds spent in the runtime. */
  runMs: number;
}

/** How the gallery draws point samples, on the server and in the page alike. */
export const POINT_COLOR = [20, 90, 200, 200] as const;

export type ImageFormat = 'png' | 'webp';

export interface RenderedGrid {
  /** The encoded image, in the requested format. */
  bytes: Uint8Array;
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

  /**
   * Samples `n` images from `seed` and tiles them into one PNG, like the browser panels do; for models
   * of 2-D points, a scatter plot of `n` points.
   */
  async renderGrid(model: RegisteredModel, request: SampleRequest, format: ImageFormat = 'png'): Promise<RenderedGrid> {
    const started = performance.now();
    const generator = await this.generator(model);
    let image: RgbaImage;
    let execution: ExecutionInfo;
    let runMs: number;
    if (model.manifest.points) {
      const result = await this.samplePoints(model, { n: request.n, seed: request.seed });
      ({ execution, runMs } = result);
      image = scatterPlot([{ points: result.points, color: POINT_COLOR }]);
    } else {
      const result = await generator.sample(request);
      ({ execution, timeMs: runMs } = result);
      image = tileImages(generator.toRgba(result));
    }
    const bytes = format === 'webp' ? await encodeWebp(image) : await encodePng(image);
    return { bytes, execution, runMs, totalMs: performance.now() - started };
  }

  /**
   * Translates one uploaded image (PNG, JPEG or WebP bytes of any size: fitted inside the model's size on
   * black) and encodes the translation as a PNG, each pixel repeated `scale` × `scale` times.
   */
  async translate(model: RegisteredModel, bytes: Uint8Array, direction: TranslationDirection, scale: number): Promise<RenderedGrid & { decodeMs: number }> {
    const started = performance.now();
    const generator = await this.generator(model);
    const translated = await translateImage(generator, bytes, { direction, name: 'the uploaded image' });
    const png = await encodePng(upscale(translated.image, scale));
    return { bytes: png, execution: translated.result.execution, runMs: translated.result.timeMs, decodeMs: translated.decodeMs, totalMs: performance.now() - started };
  }

  /** Draws `n` points from `seed` from a model of vector samples. */
  async samplePoints(model: RegisteredModel, request: Pick<SampleRequest, 'n' | 'seed'>): Promise<SampledPoints> {
    const generator = await this.generator(model);
    const result = await generator.samplePoints(request);
    return { points: result.points, execution: result.execution, runMs: result.timeMs };
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

/** Nearest-neighbour upscaling: every pixel becomes a `scale` × `scale` block (what `image-rendering: pixelated` shows). */
export function upscale(image: RgbaImage, scale: number): RgbaImage {
  if (scale === 1) return image;
  const width = image.width * scale;
  const height = image.height * scale;
  const data = new Uint8ClampedArray(width * height * 4);
  const source = new Uint32Array(image.data.buffer, image.data.byteOffset, image.width * image.height);
  const target = new Uint32Array(data.buffer);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / scale) * image.width;
    for (let x = 0; x < width; x++) target[y * width + x] = source[row + Math.floor(x / scale)]!;
  }
  return { width, height, data };
}
