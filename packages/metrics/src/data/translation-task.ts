import { GenzooError, type Manifest } from '@genzoo/core';
import {
  disjointHalves, DOMAIN_SPLIT_SEED, EDGE_THRESHOLD, MASK_JITTER, MASK_SIZE, maskSquares, sobelEdges, subsetImages, thicken, withClasses,
  type ImageBytes,
} from './translation-pairs.js';

/** One domain of an unpaired (CycleGAN) task: the dataset classes it draws from, which disjoint half, and a pixel transform. */
export interface DomainSpec {
  /** Dataset classes of the domain's images; all when absent. */
  classes?: readonly number[];
  /** Which half of {@link disjointHalves} the domain's images come from; both halves when absent. */
  half?: 0 | 1;
  /** A transform of the images, e.g. `dilation-3x3` (grey-scale dilation with a 3×3 max filter). */
  transform?: string;
}

/**
 * How a translator's domain-a images are made, as its manifest records it: pix2pix sources computed from
 * each target image (Sobel edges, a masked square), or CycleGAN's two domains drawn from one dataset.
 */
export type TranslationTask =
  | { kind: 'paired'; source: 'sobel-edges'; edgeThreshold: number }
  | { kind: 'paired'; source: 'masked-square'; maskSize: number; maskJitter: number; maskSeed: number }
  | { kind: 'unpaired'; domainA: DomainSpec; domainB: DomainSpec; domainSplitSeed: number };

/** Dataset images with their labels, as evaluation reads them. */
export type LabelledImages = ImageBytes & { labels: Uint8Array };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where a manifest may record its task: `training.task` (or `.translation`), or `dataset.task` (or `.translation`), or flat in either. */
function taskRecord(training: Json, dataset: Json): Json | undefined {
  const candidates = [training.task, training.translation, training.translationTask, dataset.task, dataset.translation, dataset, training];
  return candidates.find((candidate): candidate is Json => isObject(candidate) && (typeof candidate.source === 'string' || isObject(candidate.domainA)));
}

function number(record: Json, key: string, fallback: number | undefined, id: string): number {
  const value = record[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new GenzooError(`${id}: its translation task records no numeric "${key}"`, 'E_EVAL');
  return value;
}

function domain(value: unknown, name: string, id: string): DomainSpec {
  if (!isObject(value)) throw new GenzooError(`${id}: its translation task records no "${name}"`, 'E_EVAL');
  const { classes, half, transform } = value;
  if (classes !== undefined && !(Array.isArray(classes) && classes.every((c) => Number.isInteger(c) && c >= 0 && c < 256))) {
    throw new GenzooError(`${id}: ${name}.classes must be a list of class ids`, 'E_EVAL');
  }
  if (half !== undefined && half !== 0 && half !== 1) throw new GenzooError(`${id}: ${name}.half must be 0 or 1, got ${JSON.stringify(half)}`, 'E_EVAL');
  if (transform !== undefined) transformOf(transform, `${id}: ${name}.transform`);
  return {
    ...(classes === undefined ? {} : { classes: classes as number[] }),
    ...(half === undefined ? {} : { half }),
    ...(transform === undefined ? {} : { transform: transform as string }),
  };
}

/** The image transform a domain's `transform` names; `dilation-KxK` is the only one so far. */
function transformOf(transform: unknown, where: string): (images: LabelledImages) => LabelledImages {
  const match = typeof transform === 'string' ? /^dilation-(\d+)x\1$/.exec(transform) : null;
  if (!match) throw new GenzooError(`${where}: unknown transform ${JSON.stringify(transform)} (known: dilation-<k>x<k>)`, 'E_EVAL');
  const window = Number(match[1]);
  return (images) => thicken(images, window);
}

/**
 * Reads the task a translator manifest records: pix2pix (`a2b` only) records `source` (`sobel-edges` with
 * `edgeThreshold`, or `masked-square` with `maskSize`, `maskJitter`, `maskSeed`); CycleGAN (`b2a` too)
 * records `domainA` and `domainB` (`classes`, `half`, `transform`) and `domainSplitSeed`.
 * `rawDataset` is the manifest's `dataset` as written (the schema keeps only the fields it knows).
 * @throws GenzooError (one line) when the manifest is no translator or records no task evaluation knows.
 */
export function translationTaskOf(manifest: Manifest, rawDataset: unknown = manifest.dataset): TranslationTask {
  const { id } = manifest;
  if (!manifest.translation || !manifest.graphs.a2b) throw new GenzooError(`${id} is not an image-to-image translator (no a2b graph)`, 'E_EVAL');
  const record = taskRecord(manifest.training, isObject(rawDataset) ? rawDataset : {});
  if (!record) {
    throw new GenzooError(
      `${id}: its manifest does not record how its ${manifest.translation.a.name} images are made (training.task with "source" or "domainA"/"domainB"), so evaluation cannot rebuild them`,
      'E_EVAL',
    );
  }
  if (manifest.graphs.b2a) {
    if (!isObject(record.domainA)) throw new GenzooError(`${id}: a two-way translator needs "domainA" and "domainB" in its translation task`, 'E_EVAL');
    return {
      kind: 'unpaired',
      domainA: domain(record.domainA, 'domainA', id),
      domainB: domain(record.domainB, 'domainB', id),
      domainSplitSeed: number(record, 'domainSplitSeed', DOMAIN_SPLIT_SEED, id),
    };
  }
  const seed = typeof manifest.training.seed === 'number' ? manifest.training.seed : undefined;
  switch (record.source) {
    case 'sobel-edges':
      return { kind: 'paired', source: 'sobel-edges', edgeThreshold: number(record, 'edgeThreshold', EDGE_THRESHOLD, id) };
    case 'masked-square':
      return {
        kind: 'paired',
        source: 'masked-square',
        maskSize: number(record, 'maskSize', MASK_SIZE, id),
        maskJitter: number(record, 'maskJitter', MASK_JITTER, id),
        maskSeed: number(record, 'maskSeed', seed, id),
      };
    default:
      throw new GenzooError(`${id}: unknown translation source ${JSON.stringify(record.source)} (known: sobel-edges, masked-square)`, 'E_EVAL');
  }
}

/** The numeric settings of a task, for `evaluation.settings`. */
export function taskSettings(task: TranslationTask): Record<string, number> {
  if (task.kind === 'unpaired') return { domainSplitSeed: task.domainSplitSeed };
  if (task.source === 'sobel-edges') return { edgeThreshold: task.edgeThreshold };
  return { maskSize: task.maskSize, maskJitter: task.maskJitter, maskSeed: task.maskSeed };
}

/**
 * pix2pix sources for `targets`, image for image; `ids` are the targets' dataset indices (masks are
 * placed by them and the task's seed).
 */
export function pairedSources<T extends ImageBytes>(task: Extract<TranslationTask, { kind: 'paired' }>, targets: T, ids: ArrayLike<number>): T {
  if (task.source === 'sobel-edges') return sobelEdges(targets, { threshold: task.edgeThreshold });
  return maskSquares(targets, ids, task.maskSeed, task.maskSize, task.maskJitter);
}

/** Dataset indices of each domain's images among `indices` (training or held-out): no image is in both. */
export function domainIndices(task: Extract<TranslationTask, { kind: 'unpaired' }>, dataset: { labels: Uint8Array }, indices: Uint32Array): { a: Uint32Array; b: Uint32Array } {
  const halves = task.domainA.half !== undefined || task.domainB.half !== undefined ? disjointHalves(indices, task.domainSplitSeed) : undefined;
  const pick = (spec: DomainSpec): Uint32Array => {
    const pool = halves && spec.half !== undefined ? halves[spec.half] : indices;
    return spec.classes ? withClasses(dataset, pool, spec.classes) : pool;
  };
  const split = { a: pick(task.domainA), b: pick(task.domainB) };
  const inB = new Set(split.b);
  if (split.a.some((index) => inB.has(index))) throw new GenzooError('the two domains of this task share images; record disjoint classes or halves', 'E_EVAL');
  return split;
}

/** The images at `indices` as domain `side` has them (transformed, e.g. thickened, where the domain says so). */
export function domainImages(task: Extract<TranslationTask, { kind: 'unpaired' }>, side: 'a' | 'b', dataset: LabelledImages, indices: ArrayLike<number>): LabelledImages {
  const spec = side === 'a' ? task.domainA : task.domainB;
  const images = subsetImages(dataset, indices);
  return spec.transform === undefined ? images : transformOf(spec.transform, side)(images);
}

function classList(spec: DomainSpec): string {
  return spec.classes ? [...spec.classes].sort((x, y) => x - y).join() : 'all';
}

/**
 * Whether every image has a known counterpart in the other domain: both domains draw the same classes and
 * differ by a transform (e.g. digits ↔ thickened digits), so translations can be scored pixel by pixel.
 */
export function hasCounterparts(task: Extract<TranslationTask, { kind: 'unpaired' }>): boolean {
  return classList(task.domainA) === classList(task.domainB) && (task.domainA.transform ?? '') !== (task.domainB.transform ?? '');
}

/**
 * The class a translated image should have, per image, or undefined when the task does not say:
 * the source's own label when both domains hold the same classes (the class must be kept), else the
 * target domain's class when it has exactly one (a sneaker must become an ankle boot).
 */
export function expectedClasses(task: Extract<TranslationTask, { kind: 'unpaired' }>, direction: 'a2b' | 'b2a', sourceLabels: Uint8Array): Uint8Array | undefined {
  const [from, to] = direction === 'a2b' ? [task.domainA, task.domainB] : [task.domainB, task.domainA];
  const same = classList(from) === classList(to);
  if (same) return sourceLabels;
  if (to.classes?.length === 1) return new Uint8Array(sourceLabels.length).fill(to.classes[0]!);
  return undefined;
}
