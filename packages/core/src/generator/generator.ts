import { now } from '../clock.js';
import { GenzooError, InputError } from '../errors.js';
import { tensorToRgbaImages, type PixelFormat, type RgbaImage } from '../image/rgba.js';
import { interpolationPath, type InterpolationMethod } from '../interpolate.js';
import { parseManifestText } from '../manifest/parse.js';
import type { GraphRole, GraphSpec, Manifest, TensorRole, TensorSpec, TranslationDirection } from '../manifest/schema.js';
import { createRng } from '../random/prng.js';
import { oneHot, sampleComponents, sampleLatents } from '../random/samplers.js';
import type { Device, ExecutionInfo, RuntimeAdapter } from '../runtime/adapter.js';
import { readVerifiedGraph, type ModelSource } from '../runtime/model-source.js';
import { openSession, type OpenedSession } from '../runtime/open-session.js';
import { assertShape, concatBatch, sliceBatch, tensor, type TensorData } from '../tensor.js';
import { capabilitiesOf, translationDirectionsOf, type Capability } from './capabilities.js';

/** Largest `n` one call may ask for; bounds memory in every runtime. */
export const MAX_SAMPLES = 4096;

export interface GeneratorOptions {
  /** Where to run; defaults to `auto`. */
  device?: Device;
  /** Rows per graph run when a request is larger; bounds peak memory. Default 256. */
  maxBatch?: number;
}

/** Images in the graph's own format, plus how to turn them into pixels. */
export interface ImageBatch {
  images: TensorData;
  format: PixelFormat;
  execution: ExecutionInfo;
  /** Wall-clock milliseconds spent in the runtime. */
  timeMs: number;
}

export interface SampleResult extends ImageBatch {
  /** The latent vectors that were decoded, `[n, latentSize]`. */
  latents: TensorData;
  /** Mixture component of each sample, for mixture models. */
  components?: number[];
}

/** Vector samples of a `points` model (2-D toy data). */
export interface PointSampleResult {
  /** `[n, dims]`. */
  points: TensorData;
  latents: TensorData;
  /** Mixture component of each sample, for mixture models. */
  components?: number[];
  execution: ExecutionInfo;
  timeMs: number;
}

/** Natural-log densities, one per row of the input. */
export interface DensityResult {
  /** `[n]`, nats. */
  logDensity: TensorData;
  execution: ExecutionInfo;
  timeMs: number;
}

export interface ReconstructOptions {
  /** Decode z = mean + σ·ε with ε from this seed; omitted decodes the posterior mean. */
  seed?: number | undefined;
  /** Classes of the images, for conditional models. */
  labels?: readonly number[] | undefined;
}

export interface PointSampleOptions {
  n: number;
  seed: number;
}

export interface SampleOptions {
  n: number;
  seed: number;
  /** Truncation threshold for normal latents (the truncation trick); omit for none. */
  truncation?: number | undefined;
  /** Class labels for conditional models; defaults to 0, 1, 2, … cycling. */
  labels?: readonly number[] | undefined;
}

export interface InterpolateOptions {
  /** Seeds of the two end points; each end point is row 0 of `sample({ n: 1, seed })`. */
  from: number;
  to: number;
  steps: number;
  method?: InterpolationMethod;
}

export interface Encoding {
  mean: TensorData;
  logvar: TensorData;
  execution: ExecutionInfo;
}

export interface TranslateOptions {
  /** `a2b` (the default) or, for two-way models, `b2a`. */
  direction?: TranslationDirection | undefined;
}

/** A model that cannot do what was asked: the message names the capability and the model. */
export class CapabilityError extends GenzooError {
  constructor(model: string, capability: string, available: readonly string[]) {
    super(`model "${model}" cannot ${capability}: it ships no graph for it (it can: ${available.join(', ') || 'nothing'})`, 'E_CAPABILITY');
  }
}

function findSpec(specs: readonly TensorSpec[], role: TensorRole, where: string): TensorSpec {
  const spec = specs.find((candidate) => candidate.role === role);
  if (!spec) throw new GenzooError(`${where} has no tensor with role "${role}"`, 'E_MANIFEST');
  return spec;
}

function pixelFormatOf(spec: TensorSpec): PixelFormat {
  return { layout: spec.layout ?? 'NCHW', range: spec.range ?? [0, 1] };
}

function staticDims(spec: TensorSpec): (number | null)[] {
  return spec.shape.map((dim) => (dim === 'batch' ? null : dim));
}

/**
 * What every generator offers, whether it runs in this thread ({@link Generator}) or elsewhere
 * (e.g. `@genzoo/web`'s worker-backed generator). Each method needs a capability the manifest declares.
 */
export interface GeneratorApi {
  readonly manifest: Manifest;
  readonly id: string;
  readonly capabilities: Capability[];
  execution(): Promise<ExecutionInfo>;
  sample(options: SampleOptions): Promise<SampleResult>;
  samplePoints(options: PointSampleOptions): Promise<PointSampleResult>;
  decode(latents: TensorData, labels?: readonly number[], components?: readonly number[]): Promise<ImageBatch>;
  interpolate(options: InterpolateOptions): Promise<SampleResult>;
  encode(images: TensorData, labels?: readonly number[]): Promise<Encoding>;
  reconstruct(images: TensorData, options?: ReconstructOptions): Promise<SampleResult>;
  logDensity(samples: TensorData): Promise<DensityResult>;
  translate(images: TensorData, options?: TranslateOptions): Promise<ImageBatch>;
  toRgba(batch: ImageBatch): RgbaImage[];
  dispose(): Promise<void>;
}

/**
 * The Generator API: one model, any runtime. Runtime packages supply a {@link RuntimeAdapter} and a
 * {@link ModelSource}; everything that decides *what* is computed (latents, labels, chunking, pixels)
 * happens here, so every runtime gives the same samples for the same seed.
 */
export class Generator implements GeneratorApi {
  private readonly sessions = new Map<GraphRole, Promise<OpenedSession>>();
  private readonly device: Device;
  private readonly maxBatch: number;

  private constructor(
    readonly manifest: Manifest,
    private readonly source: ModelSource,
    private readonly adapter: RuntimeAdapter,
    options: GeneratorOptions,
  ) {
    this.device = options.device ?? 'auto';
    this.maxBatch = options.maxBatch ?? 256;
    if (!Number.isInteger(this.maxBatch) || this.maxBatch <= 0) {
      throw new InputError(`maxBatch must be a positive integer, got ${this.maxBatch}`);
    }
  }

  /** Reads and validates `manifest.json` from `source`, and opens the model's main graph (generator, else a2b). */
  static async load(source: ModelSource, adapter: RuntimeAdapter, options: GeneratorOptions = {}): Promise<Generator> {
    const manifest = parseManifestText(await source.readText('manifest.json'), `${source.location}/manifest.json`);
    const generator = new Generator(manifest, source, adapter, options);
    await generator.session(generator.mainRole);
    return generator;
  }

  /** The graph every model has: the generator, or a translator's `a2b`. */
  private get mainRole(): GraphRole {
    return this.manifest.graphs.generator ? 'generator' : 'a2b';
  }

  get id(): string {
    return this.manifest.id;
  }

  get capabilities(): Capability[] {
    return capabilitiesOf(this.manifest);
  }

  /** Which runtime and provider runs the main graph (the generator, or a translator's `a2b`). */
  async execution(): Promise<ExecutionInfo> {
    return (await this.session(this.mainRole)).execution;
  }

  /** Draws `n` latents (and mixture components, for mixtures) from `seed` and decodes them. */
  async sample({ n, seed, truncation, labels }: SampleOptions): Promise<SampleResult> {
    this.require('sample');
    this.assertCount(n);
    const latents = this.drawLatents(n, seed, truncation);
    const components = this.drawComponents(n, seed);
    const { outputs, execution, timeMs } = await this.runGenerator(latents, labels, components);
    return { ...this.imagesFrom(outputs), execution, timeMs, latents, ...(components && { components }) };
  }

  /** Draws `n` vector samples from `seed` (models whose samples are `points`). */
  async samplePoints({ n, seed }: PointSampleOptions): Promise<PointSampleResult> {
    this.require('samplePoints');
    this.assertCount(n);
    const latents = this.drawLatents(n, seed, undefined);
    const components = this.drawComponents(n, seed);
    const { outputs, execution, timeMs } = await this.runGenerator(latents, undefined, components);
    const pointSpec = findSpec(this.graph('generator').outputs, 'point', `${this.id}/generator outputs`);
    return { points: outputs[pointSpec.name]!, latents, execution, timeMs, ...(components && { components }) };
  }

  /**
   * Decodes given latent vectors `[n, latentSize]`, with their classes for conditional models and their
   * mixture components for mixtures.
   */
  async decode(latents: TensorData, labels?: readonly number[], components?: readonly number[]): Promise<ImageBatch> {
    this.require('decode');
    const { outputs, execution, timeMs } = await this.runGenerator(latents, labels, components);
    return { ...this.imagesFrom(outputs), execution, timeMs };
  }

  /** Natural-log density of each row of `samples`: points `[n, dims]`, or images in the density graph's format. */
  async logDensity(samples: TensorData): Promise<DensityResult> {
    this.require('logDensity');
    const graph = this.graph('density');
    const inputSpec = graph.inputs.find((spec) => spec.role === 'point' || spec.role === 'image');
    if (!inputSpec) throw new GenzooError(`${this.id}/density inputs have no tensor with role "point" or "image"`, 'E_MANIFEST');
    assertShape(samples, staticDims(inputSpec), `samples for ${this.id}`);
    this.assertCount(samples.dims[0]!);
    const { outputs, execution, timeMs } = await this.runChunked('density', { [inputSpec.name]: samples }, samples.dims[0]!);
    return { logDensity: outputs[findSpec(graph.outputs, 'logDensity', `${this.id}/density outputs`).name]!, execution, timeMs };
  }

  /** Latent path between the first latents of two seeds, decoded. */
  async interpolate({ from, to, steps, method = 'slerp' }: InterpolateOptions): Promise<SampleResult> {
    this.require('interpolate');
    const { size, distribution } = this.latentSpec();
    const endPoint = (seed: number): Float32Array => sampleLatents({ n: 1, size, seed, distribution }).data;
    const latents = interpolationPath(endPoint(from), endPoint(to), steps, method);
    return { ...(await this.decode(latents)), latents };
  }

  /** Posterior parameters of images given in the encoder's image format (with their classes, for conditional models). */
  async encode(images: TensorData, labels?: readonly number[]): Promise<Encoding> {
    this.require('encode');
    const graph = this.graph('encoder');
    const imageSpec = findSpec(graph.inputs, 'image', `${this.id}/encoder inputs`);
    assertShape(images, staticDims(imageSpec), `images for ${this.id}`);
    const count = images.dims[0]!;
    this.assertCount(count);
    const feeds = { [imageSpec.name]: images, ...this.labelFeeds(graph, 'encoder', count, labels) };
    const { outputs, execution } = await this.runChunked('encoder', feeds, count);
    const mean = outputs[findSpec(graph.outputs, 'mean', `${this.id}/encoder outputs`).name]!;
    const logvarSpec = graph.outputs.find((spec) => spec.role === 'logvar');
    const logvar = logvarSpec ? outputs[logvarSpec.name]! : tensor(new Float32Array(mean.data.length), mean.dims);
    return { mean, logvar, execution };
  }

  /**
   * Encodes then decodes. Without a seed the posterior mean is decoded (deterministic); with one,
   * z = mean + exp(logvar / 2) · ε with ε drawn from the seed.
   */
  async reconstruct(images: TensorData, { seed, labels }: ReconstructOptions = {}): Promise<SampleResult> {
    this.require('reconstruct');
    const { mean, logvar } = await this.encode(images, labels);
    let latents = mean;
    if (seed !== undefined) {
      const rng = createRng(seed);
      const data = mean.data.map((value, index) => value + Math.exp(logvar.data[index]! / 2) * rng.normal());
      latents = tensor(data, mean.dims);
    }
    return { ...(await this.decode(latents, labels)), latents };
  }

  /**
   * Translates images given in the direction graph's image format (`[n, …image]`, its layout and range)
   * from domain A to B (`a2b`, the default) or back (`b2a`, two-way models only).
   */
  async translate(images: TensorData, { direction = 'a2b' }: TranslateOptions = {}): Promise<ImageBatch> {
    this.require('translate');
    if (direction !== 'a2b' && direction !== 'b2a') throw new InputError(`direction must be "a2b" or "b2a", got ${JSON.stringify(direction)}`);
    const directions = translationDirectionsOf(this.manifest);
    if (!directions.includes(direction)) throw new CapabilityError(this.id, `translate ${direction}`, directions.map((known) => `translate ${known}`));
    const graph = this.graph(direction);
    const inputSpec = findSpec(graph.inputs, 'image', `${this.id}/${direction} inputs`);
    assertShape(images, staticDims(inputSpec), `images for ${this.id}`);
    const count = images.dims[0]!;
    this.assertCount(count);
    const { outputs, execution, timeMs } = await this.runChunked(direction, { [inputSpec.name]: images }, count);
    const outputSpec = findSpec(graph.outputs, 'image', `${this.id}/${direction} outputs`);
    return { images: outputs[outputSpec.name]!, format: pixelFormatOf(outputSpec), execution, timeMs };
  }

  /** Converts a result's images to RGBA pixels. */
  toRgba(batch: ImageBatch): RgbaImage[] {
    return tensorToRgbaImages(batch.images, batch.format);
  }

  /** Releases every open session. */
  async dispose(): Promise<void> {
    const opened = await Promise.allSettled(this.sessions.values());
    this.sessions.clear();
    await Promise.all(opened.map((result) => (result.status === 'fulfilled' ? result.value.session.release() : undefined)));
  }

  private require(capability: Capability): void {
    if (!this.capabilities.includes(capability)) throw new CapabilityError(this.id, capability, this.capabilities);
  }

  private drawLatents(n: number, seed: number, truncation: number | undefined): TensorData {
    const { size, distribution } = this.latentSpec();
    return sampleLatents({ n, size, seed, distribution, truncation });
  }

  /** Every model with a generator graph has a latent (the schema checks it). */
  private latentSpec(): NonNullable<Manifest['latent']> {
    const { latent } = this.manifest;
    if (!latent) throw new GenzooError(`${this.id} has no latent: it ships no generator graph`, 'E_MANIFEST');
    return latent;
  }

  private drawComponents(n: number, seed: number): number[] | undefined {
    const { mixture } = this.manifest;
    return mixture && sampleComponents({ n, seed, components: mixture.components, weights: mixture.weights });
  }

  /** One-hot `label` feed of a conditional graph; labels default to 0, 1, 2, … cycling. */
  private labelFeeds(graph: GraphSpec, role: GraphRole, count: number, labels: readonly number[] | undefined): Record<string, TensorData> {
    const labelSpec = graph.inputs.find((spec) => spec.role === 'label');
    if (!labelSpec) return {};
    const classes = labelSpec.shape[1];
    if (typeof classes !== 'number') throw new GenzooError(`${this.id}/${role}: label input needs a fixed class count`, 'E_MANIFEST');
    const chosen = labels ?? Array.from({ length: count }, (_, index) => index % classes);
    if (chosen.length !== count) throw new InputError(`${this.id} got ${chosen.length} labels for ${count} rows`);
    return { [labelSpec.name]: oneHot(chosen, classes) };
  }

  private async runGenerator(
    latents: TensorData,
    labels: readonly number[] | undefined,
    components: readonly number[] | undefined,
  ): Promise<{ outputs: Record<string, TensorData>; execution: ExecutionInfo; timeMs: number }> {
    const graph = this.graph('generator');
    const latentSpec = findSpec(graph.inputs, 'latent', `${this.id}/generator inputs`);
    assertShape(latents, staticDims(latentSpec), `latents for ${this.id}`);
    const count = latents.dims[0]!;
    this.assertCount(count);
    const feeds: Record<string, TensorData> = { [latentSpec.name]: latents, ...this.labelFeeds(graph, 'generator', count, labels) };
    const componentSpec = graph.inputs.find((spec) => spec.role === 'component');
    if (componentSpec && this.manifest.mixture) {
      if (!components) throw new InputError(`${this.id} is a mixture: decoding needs the mixture component of each latent`);
      if (components.length !== count) throw new InputError(`${this.id} got ${components.length} mixture components for ${count} latents`);
      feeds[componentSpec.name] = oneHot(components, this.manifest.mixture.components);
    }
    return this.runChunked('generator', feeds, count);
  }

  private imagesFrom(outputs: Record<string, TensorData>): { images: TensorData; format: PixelFormat } {
    const imageSpec = findSpec(this.graph('generator').outputs, 'image', `${this.id}/generator outputs`);
    return { images: outputs[imageSpec.name]!, format: pixelFormatOf(imageSpec) };
  }

  private assertCount(n: number): void {
    if (!Number.isInteger(n) || n < 1 || n > MAX_SAMPLES) {
      throw new InputError(`n must be an integer from 1 to ${MAX_SAMPLES}, got ${n}`);
    }
  }

  private graph(role: GraphRole): GraphSpec {
    const graph = this.manifest.graphs[role];
    if (!graph) throw new CapabilityError(this.id, `run its ${role}`, this.capabilities);
    return graph;
  }

  /** One session per graph, opened on first use; concurrent callers share the same promise. */
  private session(role: GraphRole): Promise<OpenedSession> {
    let opened = this.sessions.get(role);
    if (!opened) {
      const graph = this.graph(role);
      opened = readVerifiedGraph(this.source, graph).then((bytes) => openSession(this.adapter, bytes, this.device));
      opened.catch(() => this.sessions.delete(role));
      this.sessions.set(role, opened);
    }
    return opened;
  }

  private async runChunked(
    role: GraphRole,
    feeds: Record<string, TensorData>,
    count: number,
  ): Promise<{ outputs: Record<string, TensorData>; execution: ExecutionInfo; timeMs: number }> {
    const { session, execution } = await this.session(role);
    const parts: Record<string, TensorData>[] = [];
    const started = now();
    for (let start = 0; start < count; start += this.maxBatch) {
      const end = Math.min(count, start + this.maxBatch);
      const chunk = Object.fromEntries(Object.entries(feeds).map(([name, value]) => [name, sliceBatch(value, start, end)]));
      parts.push(await session.run(count <= this.maxBatch ? feeds : chunk));
    }
    const timeMs = now() - started;
    const outputs = Object.fromEntries(
      session.outputNames.map((name) => [name, parts.length === 1 ? parts[0]![name]! : concatBatch(parts.map((part) => part[name]!))]),
    );
    return { outputs, execution, timeMs };
  }
}
