import { GenzooError, InputError, MAX_SAMPLES, tensor, toByte, type Evaluation, type Generator, type Manifest, type TranslationDirection } from '@genzoo/core';
import { loadModel } from '@genzoo/node';
import type { DotProductEngine } from '../compute/dot-product-engine.js';
import { OrtDotProductEngine } from '../compute/ort-dot-product-engine.js';
import { datasetCacheFolder, loadReferenceDataset, referenceSplit } from '../data/reference-dataset.js';
import { subsetImages } from '../data/translation-pairs.js';
import {
  domainImages, domainIndices, expectedClasses, hasCounterparts, pairedSources, taskSettings, translationTaskOf,
  type LabelledImages, type TranslationTask,
} from '../data/translation-task.js';
import { extractorFor } from '../extractor/extractor-for.js';
import { FeatureExtractor, type Extracted } from '../extractor/feature-extractor.js';
import type { FeatureMatrix } from '../features/feature-matrix.js';
import { fid } from '../metrics/fid.js';
import { imageSimilarity, SSIM_WINDOW } from '../metrics/image-similarity.js';
import { kid } from '../metrics/kid.js';
import type { EvaluateOptions, EvaluationOutcome, EvaluationGrid } from './evaluate-model.js';
import { BASELINE, CYCLE_FIGURES, PAIRED_FIGURES, PROTOCOL, toolName } from './protocol.js';

/** Held-out examples shown per row of the card's translation grid. */
const GRID_COLUMNS = 12;

/** Translated images: the graph's raw outputs (to feed another graph) and the bytes a user would see. */
interface Translated {
  raw: Float32Array;
  range: readonly [number, number];
  bytes: Uint8Array;
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

/** Runs one direction on `count` images given as floats in [0, 1] (row-major planes), in chunks of {@link MAX_SAMPLES}. */
async function translateUnit(generator: Generator, direction: TranslationDirection, unit: Float32Array, count: number): Promise<Translated> {
  const graph = generator.manifest.graphs[direction]!;
  const input = graph.inputs.find((spec) => spec.role === 'image')!;
  const output = graph.outputs.find((spec) => spec.role === 'image')!;
  const [low, high] = input.range ?? [0, 1];
  const { width, height } = generator.manifest.image!;
  const plane = width * height;
  const dims = input.layout === 'NHWC' ? [height, width, 1] : [1, height, width];
  const raw = new Float32Array(count * plane);
  for (let start = 0; start < count; start += MAX_SAMPLES) {
    const rows = Math.min(MAX_SAMPLES, count - start);
    const values = new Float32Array(rows * plane);
    for (let i = 0; i < values.length; i++) values[i] = low + unit[start * plane + i]! * (high - low);
    // One channel: NCHW and NHWC hold the same row-major plane per image.
    const batch = await generator.translate(tensor(values, [rows, ...dims]), { direction });
    raw.set(batch.images.data, start * plane);
  }
  const range = output.range ?? [0, 1];
  return { raw, range, bytes: Uint8Array.from(raw, (value) => toByte(value, range[0], range[1])) };
}

function unitOfBytes(bytes: Uint8Array): Float32Array {
  return Float32Array.from(bytes, (value) => value / 255);
}

/** A translation's raw output, re-expressed in [0, 1] to feed the other direction (no quantization: the cycle runs on floats, as in training). */
function unitOfRaw({ raw, range: [low, high] }: Translated): Float32Array {
  return Float32Array.from(raw, (value) => (value - low) / (high - low));
}

/** Share of rows whose largest logit is the expected class. */
function classAccuracy(logits: FeatureMatrix, expected: Uint8Array): number {
  let hits = 0;
  for (let row = 0; row < logits.rows; row++) {
    let best = 0;
    for (let c = 1; c < logits.cols; c++) if (logits.data[row * logits.cols + c]! > logits.data[row * logits.cols + best]!) best = c;
    if (best === expected[row]) hits += 1;
  }
  return hits / logits.rows;
}

function meanAbsolute(a: Uint8Array, b: Uint8Array): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += Math.abs(a[i]! - b[i]!);
  return total / (255 * a.length);
}

/**
 * KID subsets for sets of `a` and `b` images: at most {@link PROTOCOL.kidSubsetSize}, and at most half the
 * smaller set, so the subsets differ and their spread means something (held-out domains may hold only a
 * few hundred images).
 */
export function translationKidSubsetSize(a: number, b: number): number {
  return Math.max(2, Math.min(PROTOCOL.kidSubsetSize, Math.floor(Math.min(a, b) / 2)));
}

/** FID and KID of translated images against real images of the target domain. */
async function distribution(engine: DotProductEngine, translated: FeatureMatrix, real: FeatureMatrix, seed: number): Promise<{ fid: number; kid: number; kidStd: number }> {
  const subsetSize = translationKidSubsetSize(translated.rows, real.rows);
  const result = await kid(engine, translated, real, { subsets: PROTOCOL.kidSubsets, subsetSize, seed });
  return { fid: fid(translated, real), kid: result.mean, kidStd: result.std };
}

function rows(images: Uint8Array, plane: number, count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => images.slice(i * plane, (i + 1) * plane));
}

interface Stage {
  translate: number;
  features: number;
  metrics: number;
}

/**
 * Evaluates an image-to-image translator on its held-out split, rebuilding the source images exactly as
 * training made them (see `translation-task.ts`). pix2pix: L1, SSIM and PSNR of a2b(source) against the
 * paired target, FID/KID of the outputs against the held-out targets, and the classifier's accuracy on
 * the outputs against the targets' labels. CycleGAN, per direction: the classifier's accuracy on
 * translated images (the target domain's class, or the source's own class where the domains share
 * classes), FID/KID against the held-out target domain, cycle L1 ‖F(G(a)) − a‖₁ and ‖G(F(b)) − b‖₁, and
 * L1/SSIM/PSNR where each image has a known counterpart. Pixels are compared on [0, 1] after 8-bit
 * quantization, as a user sees them.
 */
export async function evaluateTranslatorModel(
  folder: string,
  manifest: Manifest,
  rawDataset: unknown,
  options: EvaluateOptions & { seed: number; started: number },
): Promise<EvaluationOutcome> {
  const log = options.log ?? (() => undefined);
  const resolve = { cwd: options.cwd, env: options.env };
  const extractorId = extractorFor(manifest.dataset.name);
  const task = translationTaskOf(manifest, rawDataset);
  if (!manifest.image || manifest.image.channels !== 1) throw new GenzooError(`${manifest.id}: evaluation supports grayscale translators only`, 'E_EVAL');
  const { width, height } = manifest.image;
  const plane = width * height;

  const stage = performance.now();
  const dataset = loadReferenceDataset(manifest.dataset.name, datasetCacheFolder(options.cwd, options.env));
  const split = referenceSplit(dataset, manifest.dataset.heldOutSize, manifest.dataset.splitSeed);
  const n = options.n ?? split.heldOut.length;
  if (!Number.isInteger(n) || n < 2 || n > split.heldOut.length) {
    throw new InputError(`${manifest.id} is evaluated on its ${split.heldOut.length} held-out images: n must be from 2 to ${split.heldOut.length} (default: all)`);
  }
  const heldOut = split.heldOut.subarray(0, n);
  const referenceSeconds = seconds(stage);

  const extractor = await FeatureExtractor.load(extractorId, { ...resolve, device: options.device, threads: options.threads });
  const engine = options.engine ?? (await OrtDotProductEngine.create({ device: options.device, threads: options.threads }));
  let translator: Generator | undefined;
  try {
    const model = await loadModel(folder, { ...resolve, device: options.device, threads: options.threads });
    translator = model;
    if (width !== extractor.manifest.image.width || height !== extractor.manifest.image.height) {
      throw new GenzooError(`${manifest.id} makes ${width}×${height} images but extractor ${extractor.id} takes ${extractor.manifest.image.width}×${extractor.manifest.image.height}`, 'E_EVAL');
    }
    const time: Stage = { translate: 0, features: 0, metrics: 0 };
    const timed = async <T>(key: keyof Stage, work: () => Promise<T> | T): Promise<T> => {
      const since = performance.now();
      try {
        return await work();
      } finally {
        time[key] += seconds(since);
      }
    };
    const extract = (bytes: Uint8Array, count: number): Promise<Extracted> => timed('features', () => extractor.extract(bytes, count));
    const figures: Record<string, number> = {};
    const settings: Record<string, number> = {
      ...taskSettings(task),
      ssimWindow: SSIM_WINDOW.size,
      ssimSigma: SSIM_WINDOW.sigma,
      kidSubsets: PROTOCOL.kidSubsets,
      featureSize: extractor.featureSize,
      heldOutSamples: n,
    };
    let grid: EvaluationGrid;

    if (task.kind === 'paired') {
      const targets = subsetImages(dataset, heldOut);
      const sources = pairedSources(task, targets, heldOut);
      const outputs = await timed('translate', () => translateUnit(model, 'a2b', unitOfBytes(sources.pixels), n));
      log(`translated ${n} held-out images from ${manifest.translation!.a.name} to ${manifest.translation!.b.name} (${time.translate.toFixed(1)} s)`);
      const [translated, real] = [await extract(outputs.bytes, n), await extract(targets.pixels, n)];
      const untouched = await extract(sources.pixels, n);
      await timed('metrics', async () => {
        for (const [prefix, images, extracted] of [['', outputs.bytes, translated], [BASELINE, sources.pixels, untouched]] as const) {
          const similarity = imageSimilarity(images, targets.pixels, n, width, height);
          const measured = await distribution(engine, extracted.features, real.features, options.seed);
          Object.assign(figures, {
            [`${prefix}l1A2b`]: similarity.l1,
            [`${prefix}ssimA2b`]: similarity.ssim,
            [`${prefix}psnrA2b`]: similarity.psnr,
            [`${prefix}fidA2b`]: measured.fid,
            [`${prefix}kidA2b`]: measured.kid,
            [`${prefix}kidStdA2b`]: measured.kidStd,
            [`${prefix}classAccuracyA2b`]: classAccuracy(extracted.logits, targets.labels),
          });
        }
      });
      Object.assign(settings, { samplesA2b: n, targetsA2b: n, kidSubsetSizeA2b: translationKidSubsetSize(n, n) });
      const shown = Math.min(GRID_COLUMNS, n);
      grid = {
        columns: shown,
        images: [sources.pixels, outputs.bytes, targets.pixels].flatMap((set) => rows(set, plane, shown)),
        caption: `Held-out examples: ${manifest.translation!.a.name} (top), translated by a2b (middle), the real ${manifest.translation!.b.name} (bottom).`,
      };
    } else {
      const domains = domainIndices(task, dataset, heldOut);
      const images = { a: domainImages(task, 'a', dataset, domains.a), b: domainImages(task, 'b', dataset, domains.b) };
      for (const side of ['a', 'b'] as const) {
        if (images[side].count < 2) throw new GenzooError(`${manifest.id}: only ${images[side].count} of the ${n} held-out images are in domain ${side}; use a larger n`, 'E_EVAL');
      }
      log(`held-out domains: ${images.a.count} images of ${manifest.translation!.a.name}, ${images.b.count} of ${manifest.translation!.b.name}`);
      const real = { a: await extract(images.a.pixels, images.a.count), b: await extract(images.b.pixels, images.b.count) };
      const counterparts = hasCounterparts(task);
      const gridRows: Uint8Array[] = [];
      const shown = Math.min(GRID_COLUMNS, images.a.count, images.b.count);
      for (const [direction, from, to] of [['a2b', 'a', 'b'], ['b2a', 'b', 'a']] as const) {
        const suffix = direction === 'a2b' ? 'A2b' : 'B2a';
        const back = direction === 'a2b' ? 'b2a' : 'a2b';
        const source: LabelledImages = images[from];
        const count = source.count;
        const forward = await timed('translate', () => translateUnit(model, direction, unitOfBytes(source.pixels), count));
        const cycled = await timed('translate', () => translateUnit(model, back, unitOfRaw(forward), count));
        const translated = await extract(forward.bytes, count);
        await timed('metrics', async () => {
          const expected = expectedClasses(task, direction, source.labels);
          const target = counterparts ? domainImages(task, to, dataset, from === 'a' ? domains.a : domains.b) : undefined;
          // The model's translations, then the sources left as they are (the baseline a translator must beat).
          for (const [prefix, images, extracted] of [['', forward.bytes, translated], [BASELINE, source.pixels, real[from]]] as const) {
            if (expected) figures[`${prefix}classAccuracy${suffix}`] = classAccuracy(extracted.logits, expected);
            const measured = await distribution(engine, extracted.features, real[to].features, options.seed);
            Object.assign(figures, { [`${prefix}fid${suffix}`]: measured.fid, [`${prefix}kid${suffix}`]: measured.kid, [`${prefix}kidStd${suffix}`]: measured.kidStd });
            if (target) {
              const similarity = imageSimilarity(images, target.pixels, count, width, height);
              Object.assign(figures, { [`${prefix}l1${suffix}`]: similarity.l1, [`${prefix}ssim${suffix}`]: similarity.ssim, [`${prefix}psnr${suffix}`]: similarity.psnr });
            }
          }
          figures[`cycleL1${from.toUpperCase()}`] = meanAbsolute(cycled.bytes, source.pixels);
        });
        Object.assign(settings, { [`samples${suffix}`]: count, [`targets${suffix}`]: images[to].count, [`kidSubsetSize${suffix}`]: translationKidSubsetSize(count, images[to].count) });
        gridRows.push(...[source.pixels, forward.bytes, cycled.bytes].flatMap((set) => rows(set, plane, shown)));
        log(`${direction}: translated and cycled back ${count} held-out images of ${manifest.translation![from].name}`);
      }
      grid = {
        columns: shown,
        images: gridRows,
        caption:
          `Held-out examples, in rows: ${manifest.translation!.a.name}, translated by a2b, and back by b2a; ` +
          `then ${manifest.translation!.b.name}, translated by b2a, and back by a2b.`,
      };
    }

    const names: readonly string[] = task.kind === 'paired' ? PAIRED_FIGURES : CYCLE_FIGURES;
    const order = [...names, ...names.map((name) => `${BASELINE}${name}`)];
    const ordered = Object.fromEntries(order.filter((name) => name in figures).map((name) => [name, figures[name]!]));
    const total = seconds(options.started);
    const protocol: Evaluation = {
      tool: toolName(),
      n,
      seed: options.seed,
      extractor: { id: extractor.id, file: extractor.manifest.graphs.classifier.file, sha256: extractor.sha256 },
      reference: { dataset: manifest.dataset.name, split: 'held-out', size: n },
      settings,
      figures: Object.keys(ordered),
      seconds: Math.round(total * 10) / 10,
      evaluatedAt: new Date().toISOString(),
    };
    return {
      folder,
      manifest,
      figures: ordered,
      protocol,
      seconds: { generate: time.translate, reference: referenceSeconds, features: time.features, metrics: time.metrics, total },
      referenceCached: false,
      memorizationPairs: [],
      image: { width, height },
      grid: { file: TRANSLATION_GRID, ...grid },
    };
  } finally {
    await translator?.dispose();
    if (!options.engine) await engine.release();
    await extractor.dispose();
  }
}

/** File name of the held-out translation grid written beside a translator's samples. */
export const TRANSLATION_GRID = 'translations.png';

export type { TranslationTask };
