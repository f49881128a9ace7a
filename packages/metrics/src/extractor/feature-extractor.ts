import {
  GenzooError,
  openSession,
  isClassifierManifest,
  parseModelManifestText,
  readVerifiedGraph,
  tensor,
  type ClassifierManifest,
  type Device,
  type ExecutionInfo,
  type GraphSpec,
  type SessionHandle,
  type TensorSpec,
} from '@genzoo/core';
import { FolderSource, OrtAdapter, resolveModelFolder, type ResolveOptions } from '@genzoo/node';
import { featureMatrix, type FeatureMatrix } from '../features/feature-matrix.js';

/** Where to run the classifier and where to look it up. */
export interface ExtractorOptions extends ResolveOptions {
  device?: Device;
  threads?: number | undefined;
  /** Images per graph run. Default 500. */
  batch?: number;
}

/** Logits and penultimate features of a batch of images. */
export interface Extracted {
  logits: FeatureMatrix;
  features: FeatureMatrix;
}

function outputOf(graph: GraphSpec, role: 'logits' | 'features'): TensorSpec {
  return graph.outputs.find((output) => output.role === role)!;
}

/**
 * A shipped classifier model (`kind: "classifier"`) opened on onnxruntime-node: grayscale bytes in,
 * logits and features out. Its graph is checked against the manifest's sha256 before it runs.
 */
export class FeatureExtractor {
  private constructor(
    readonly manifest: ClassifierManifest,
    readonly folder: string,
    private readonly session: SessionHandle,
    readonly execution: ExecutionInfo,
    private readonly batch: number,
  ) {}

  /** Loads a classifier by id or folder. @throws GenzooError when it is no classifier or its graph is corrupt. */
  static async load(idOrFolder: string, options: ExtractorOptions = {}): Promise<FeatureExtractor> {
    const folder = await resolveModelFolder(idOrFolder, options);
    const source = new FolderSource(folder);
    const manifest = parseModelManifestText(await source.readText('manifest.json'), `${source.location}/manifest.json`);
    if (!isClassifierManifest(manifest)) {
      throw new GenzooError(`${manifest.id} is not a classifier (kind "classifier"), so it cannot extract features`, 'E_EXTRACTOR');
    }
    const bytes = await readVerifiedGraph(source, manifest.graphs.classifier);
    const { session, execution } = await openSession(new OrtAdapter({ threads: options.threads }), bytes, options.device ?? 'cpu');
    return new FeatureExtractor(manifest, folder, session, execution, options.batch ?? 500);
  }

  get id(): string {
    return this.manifest.id;
  }

  /** sha256 of the classifier graph: the extractor's identity in an evaluation protocol. */
  get sha256(): string {
    return this.manifest.graphs.classifier.sha256;
  }

  /** Width of the feature vectors. */
  get featureSize(): number {
    return outputOf(this.manifest.graphs.classifier, 'features').shape[1] as number;
  }

  /**
   * Runs the classifier on `count` grayscale images of the manifest's size, given as bytes
   * (0 = black … 255 = white, row-major), mapped linearly onto the graph's input range.
   */
  async extract(pixels: Uint8Array, count: number): Promise<Extracted> {
    const graph = this.manifest.graphs.classifier;
    const input = graph.inputs.find((spec) => spec.role === 'image')!;
    const { width, height, channels } = this.manifest.image;
    const plane = width * height;
    if (channels !== 1) throw new GenzooError(`${this.id}: only grayscale classifiers are supported, this one takes ${channels} channels`, 'E_MANIFEST');
    if (pixels.length !== count * plane) throw new GenzooError(`${this.id} expects ${count}×${height}×${width} pixels, got ${pixels.length} bytes`, 'E_INPUT');
    const [low, high] = input.range ?? [0, 1];
    const dims = input.layout === 'NHWC' ? [height, width, 1] : [1, height, width];
    const logitsSpec = outputOf(graph, 'logits');
    const featuresSpec = outputOf(graph, 'features');
    const classes = logitsSpec.shape[1] as number;
    const logits = new Float32Array(count * classes);
    const features = new Float32Array(count * this.featureSize);
    for (let start = 0; start < count; start += this.batch) {
      const rows = Math.min(this.batch, count - start);
      const values = new Float32Array(rows * plane);
      for (let index = 0; index < values.length; index++) values[index] = low + (pixels[start * plane + index]! / 255) * (high - low);
      const outputs = await this.session.run({ [input.name]: tensor(values, [rows, ...dims]) });
      logits.set(outputs[logitsSpec.name]!.data, start * classes);
      features.set(outputs[featuresSpec.name]!.data, start * this.featureSize);
    }
    return { logits: featureMatrix(logits, count, classes), features: featureMatrix(features, count, this.featureSize) };
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}
