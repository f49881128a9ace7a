import { EXTRACTORS, extractorFor, FeatureExtractor } from '@genzoo/metrics';
import { loadDataset } from '../data/load-dataset.js';
import { splitDataset } from '../data/split.js';
import { argmaxRows } from './class-accuracy.js';
import type { Generator } from '@genzoo/node';
import type { ImageBatch } from '@genzoo/core';
import { batchToBytes, measureClassFigures, type ClassFigureRequest, type ImageClassifier, type LabelledImages } from './class-figures.js';

/** Id of the classifier that judges models of `dataset` (`classifier-mnist`, …); undefined for a folder of images. */
export function evaluationClassifierId(dataset: string): string | undefined {
  return Object.hasOwn(EXTRACTORS, dataset) ? EXTRACTORS[dataset] : undefined;
}

/** An {@link ImageClassifier} that must be disposed. */
export interface OpenedClassifier extends ImageClassifier {
  dispose(): Promise<void>;
}

/**
 * The shipped classifier `genzoo eval` uses for `dataset` (e.g. `classifier-mnist`), on onnxruntime-node:
 * the judge of the class-aware figures. Found by id from the working directory, like every model.
 */
export async function openEvaluationClassifier(dataset: string): Promise<OpenedClassifier> {
  const extractor = await FeatureExtractor.load(extractorFor(dataset));
  return {
    id: extractor.id,
    classes: extractor.manifest.classes.length,
    async classify(pixels, count) {
      const { logits } = await extractor.extract(pixels, count);
      return argmaxRows(logits.data, logits.cols);
    },
    dispose: () => extractor.dispose(),
  };
}

/** The first `count` held-out images of `dataset` (the fixed split every run holds out) with their labels. */
export function heldOutExamples(dataset: string, evalCount: number, count = evalCount): LabelledImages {
  const data = loadDataset(dataset);
  if ((data.channels ?? 1) !== 1) throw new Error(`${dataset}: class figures support grayscale datasets only`);
  const indices = splitDataset(data, evalCount).eval.subarray(0, count);
  const plane = data.width * data.height;
  const pixels = new Uint8Array(indices.length * plane);
  indices.forEach((index, row) => pixels.set(data.pixels.subarray(index * plane, (index + 1) * plane), row * plane));
  return { pixels, labels: Uint8Array.from(indices, (index) => data.labels[index]!), count: indices.length };
}

/**
 * The class figures `request` asks for (see {@link measureClassFigures}), judged by the evaluation classifier of
 * `dataset` on all `evalCount` held-out images; none for datasets without one (folders of images).
 */
export async function publishedClassFigures(model: Generator, dataset: string, evalCount: number, request: ClassFigureRequest): Promise<Record<string, number>> {
  if (evaluationClassifierId(dataset) === undefined) return {};
  const classifier = await openEvaluationClassifier(dataset);
  try {
    return await measureClassFigures(model, classifier, heldOutExamples(dataset, evalCount), request);
  } finally {
    await classifier.dispose();
  }
}

/**
 * Runs `use` with a classifier of generated batches judged by the evaluation classifier of `dataset`
 * (undefined for datasets without one), disposing it afterwards.
 */
export async function withSampleClassifier<T>(dataset: string, use: (classify: ((batch: ImageBatch) => Promise<Uint8Array>) | undefined) => Promise<T>): Promise<T> {
  if (evaluationClassifierId(dataset) === undefined) return use(undefined);
  const classifier = await openEvaluationClassifier(dataset);
  try {
    return await use(async (batch) => Uint8Array.from(await classifier.classify(batchToBytes(batch), batch.images.dims[0]!)));
  } finally {
    await classifier.dispose();
  }
}
