import { tensor, toByte, type Generator, type ImageBatch, type Manifest, type TensorData, type TensorSpec } from '@genzoo/node';
import { classAgreement, type ClassAgreement } from './class-accuracy.js';

/** Grayscale images as bytes (0 = black, row-major) with their classes. */
export interface LabelledImages {
  pixels: Uint8Array;
  labels: Uint8Array;
  count: number;
}

/** The evaluation classifier, reduced to what the class figures need. */
export interface ImageClassifier {
  /** Classifier id (e.g. `classifier-mnist`), for the card. */
  id: string;
  classes: number;
  /** Predicted class of each of `count` grayscale byte images. */
  classify(pixels: Uint8Array, count: number): Promise<Uint8Array>;
}

/** Which class figures a family's model folder gets. */
export interface ClassFigureRequest {
  /** How often the classifier keeps the class of held-out images through G(E(x)): `reconstructionClassAccuracy`. */
  reconstructions?: boolean;
  /** How often the classifier sees the requested class in class-conditional samples: `sampleClassAccuracy`. */
  conditionalSamples?: boolean;
}

/** Manifest metric names of the class figures; `<name>.<class>` holds each class's share. */
export const CLASS_FIGURES = { reconstructions: 'reconstructionClassAccuracy', conditionalSamples: 'sampleClassAccuracy' } as const;
/** Conditional samples drawn per class. */
export const SAMPLES_PER_CLASS = 100;
/** Seed of the conditional samples that are classified. */
export const CLASS_SAMPLE_SEED = 0;

/** Byte images as a graph input in `spec`'s range (one channel: NCHW and NHWC hold the same numbers). */
export function bytesToImageTensor(pixels: Uint8Array, count: number, spec: TensorSpec): TensorData {
  const [low, high] = spec.range ?? [0, 1];
  const dims = spec.shape.map((dim) => (dim === 'batch' ? count : dim));
  return tensor(Float32Array.from(pixels, (byte) => low + (byte / 255) * (high - low)), dims);
}

/** Generated images as grayscale bytes, quantized as every PNG is. */
export function batchToBytes(batch: ImageBatch): Uint8Array {
  const [low, high] = batch.format.range;
  return Uint8Array.from(batch.images.data, (value) => toByte(value, low, high));
}

/** Agreement of the classifier on G(E(x)) with the class of x, for every held-out image (labels fed to conditional graphs). */
export async function reconstructionAgreement(model: Generator, classifier: ImageClassifier, examples: LabelledImages): Promise<ClassAgreement> {
  const spec = model.manifest.graphs.encoder?.inputs.find((input) => input.role === 'image');
  if (!spec) throw new Error(`${model.id} has no encoder with an image input, so it cannot reconstruct`);
  const rebuilt = await model.reconstruct(bytesToImageTensor(examples.pixels, examples.count, spec), { labels: [...examples.labels] });
  return classAgreement(await classifier.classify(batchToBytes(rebuilt), examples.count), examples.labels, classifier.classes);
}

/** `perClass` samples of every class (0, 1, …, classes − 1 cycling) from `seed`, and how often the classifier sees the requested class. */
export async function conditionalSampleAgreement(model: Generator, classifier: ImageClassifier, perClass = SAMPLES_PER_CLASS, seed = CLASS_SAMPLE_SEED): Promise<ClassAgreement> {
  const labels = Array.from({ length: perClass * classifier.classes }, (_, index) => index % classifier.classes);
  const pixels = batchToBytes(await model.sample({ n: labels.length, seed, labels }));
  return classAgreement(await classifier.classify(pixels, labels.length), labels, classifier.classes);
}

function asMetrics(name: string, agreement: ClassAgreement): Record<string, number> {
  const metrics: Record<string, number> = { [name]: agreement.accuracy };
  agreement.perClass.forEach((share, c) => {
    if (!Number.isNaN(share)) metrics[`${name}.${c}`] = share;
  });
  return metrics;
}

/**
 * The class figures of a model, measured from its exported graphs and judged by `classifier`, as manifest metrics:
 * `reconstructionClassAccuracy` over `examples` (the held-out images) and `sampleClassAccuracy` over class-conditional
 * samples, each with per-class shares `<name>.<class>`.
 */
export async function measureClassFigures(model: Generator, classifier: ImageClassifier, examples: LabelledImages, request: ClassFigureRequest): Promise<Record<string, number>> {
  const metrics: Record<string, number> = {};
  if (request.reconstructions === true) Object.assign(metrics, asMetrics(CLASS_FIGURES.reconstructions, await reconstructionAgreement(model, classifier, examples)));
  if (request.conditionalSamples === true) Object.assign(metrics, asMetrics(CLASS_FIGURES.conditionalSamples, await conditionalSampleAgreement(model, classifier)));
  return metrics;
}

function percent(value: number | undefined): string {
  return value === undefined ? '—' : `${(100 * value).toFixed(1)}%`;
}

/**
 * The card's "Class agreement" section, from the class figures in the manifest's metrics (so a re-rendered card shows
 * the same numbers); empty when there are none.
 */
export function classAgreementSection(manifest: Manifest, classifierId: string, classes = 10): string[] {
  const { metrics } = manifest;
  const reconstructions = metrics[CLASS_FIGURES.reconstructions];
  const samples = metrics[CLASS_FIGURES.conditionalSamples];
  if (reconstructions === undefined && samples === undefined) return [];
  const lines = [
    '## Class agreement',
    '',
    `Measured when the model was published, from the shipped ONNX graphs on onnxruntime-node, judged by the evaluation classifier \`${classifierId}\` (the one \`genzoo eval\` uses).`,
  ];
  if (samples !== undefined) {
    lines.push('', `- \`${CLASS_FIGURES.conditionalSamples}\` **${percent(samples)}**: of ${SAMPLES_PER_CLASS} samples of each requested class (seed ${CLASS_SAMPLE_SEED}), the share the classifier assigns that class.`);
  }
  if (reconstructions !== undefined) {
    lines.push('', `- \`${CLASS_FIGURES.reconstructions}\` **${percent(reconstructions)}**: of the ${manifest.dataset.heldOutSize} held-out images, the share whose reconstruction G(E(x)) the classifier assigns the class of x.`);
  }
  const columns = [
    ...(samples === undefined ? [] : ['samples classified as the requested class']),
    ...(reconstructions === undefined ? [] : ['reconstructions keeping the class']),
  ];
  lines.push('', `| class | ${columns.join(' | ')} |`, `|---|${columns.map(() => '---:').join('|')}|`);
  for (let c = 0; c < classes; c++) {
    const cells = [
      ...(samples === undefined ? [] : [percent(metrics[`${CLASS_FIGURES.conditionalSamples}.${c}`])]),
      ...(reconstructions === undefined ? [] : [percent(metrics[`${CLASS_FIGURES.reconstructions}.${c}`])]),
    ];
    lines.push(`| ${c} | ${cells.join(' | ')} |`);
  }
  return lines;
}
