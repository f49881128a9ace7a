import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRng, GenzooError, InputError, isClassifierManifest, parseModelManifestText, type AnyManifest, type Device, type Evaluation } from '@genzoo/core';
import { loadModel, resolveModelFolder, type ResolveOptions } from '@genzoo/node';
import type { DotProductEngine } from '../compute/dot-product-engine.js';
import { OrtDotProductEngine } from '../compute/ort-dot-product-engine.js';
import { datasetCacheFolder } from '../data/reference-dataset.js';
import { extractorFor } from '../extractor/extractor-for.js';
import { FeatureExtractor, type Extracted } from '../extractor/feature-extractor.js';
import { closestPairs, memorization } from '../metrics/memorization.js';
import { heldOutLogDensity } from './density-figures.js';
import { distributionFigures, type DistributionFigures } from './distribution-figures.js';
import { evaluatePointsModel } from './evaluate-points.js';
import { evaluateTranslatorModel } from './evaluate-translator.js';
import { generateImages } from './generate-images.js';
import { POINT_PROTOCOL } from './point-protocol.js';
import { PROTOCOL, REFERENCE_FIGURES, toolName, type ReferenceRow } from './protocol.js';
import { referenceData, type ReferenceData } from './reference-features.js';

export interface EvaluateOptions extends ResolveOptions {
  /** Generated samples (noise samples for a classifier's reference rows). Default 10,000. */
  n?: number;
  seed?: number;
  /** Truncation threshold of the generated samples' normal latents (the truncation trick); omit for none. */
  truncation?: number | undefined;
  device?: Device;
  threads?: number | undefined;
  /** Matrix products; defaults to onnxruntime-node. */
  engine?: DotProductEngine;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** A pair for the memorization grid: a generated image and its nearest training image. */
export interface MemorizationPair {
  generated: Uint8Array;
  train: Uint8Array;
  /** Dataset index of the training image. */
  trainIndex: number;
  distance: number;
}

/** What one evaluation measured, ready to print or to write into the manifest. */
export interface EvaluationOutcome {
  folder: string;
  manifest: AnyManifest;
  figures: Record<string, number>;
  protocol: Evaluation;
  /** Wall-clock seconds of each stage. */
  seconds: { generate: number; reference: number; features: number; metrics: number; total: number };
  referenceCached: boolean;
  /** Closest generated/training pairs (generative models only), nearest first. */
  memorizationPairs: MemorizationPair[];
  /** Image size; absent for models of points. */
  image?: { width: number; height: number };
  /** A grid of examples for the card (translators: held-out sources and their translations), written as `file`. */
  grid?: EvaluationGrid & { file: string };
}

/** Grayscale images for a card figure, row by row, `columns` to a row. */
export interface EvaluationGrid {
  columns: number;
  images: Uint8Array[];
  caption: string;
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

/** Uniform noise images (every byte uniform in 0…255) from `seed`: the ceiling row. */
export function noiseImages(count: number, plane: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  return Uint8Array.from({ length: count * plane }, () => rng.integer(256));
}

/**
 * Evaluates a model folder or id. A generative model: generate `n` samples, extract features with
 * its dataset's classifier, and measure FID, KID, IS, precision/recall, density/coverage and
 * memorization against its training split. An image-to-image translator: translate its held-out
 * images (see {@link evaluateTranslatorModel}). A classifier: measure the reference rows of its dataset
 * (held-out real images — the floor — and uniform noise — the ceiling) the same way.
 */
export async function evaluateModel(model: string, options: EvaluateOptions = {}): Promise<EvaluationOutcome> {
  const started = performance.now();
  const resolve = { cwd: options.cwd, env: options.env };
  const folder = await resolveModelFolder(model, resolve);
  const text = await readFile(join(folder, 'manifest.json'), 'utf8');
  const manifest = parseModelManifestText(text, join(folder, 'manifest.json'));
  if (options.truncation !== undefined && (isClassifierManifest(manifest) || manifest.translation || manifest.points)) {
    throw new InputError(`${manifest.id} does not sample images from a latent, so truncation does not apply`);
  }
  if (!isClassifierManifest(manifest) && manifest.translation) {
    const rawDataset = (JSON.parse(text) as { dataset?: unknown }).dataset;
    return evaluateTranslatorModel(folder, manifest, rawDataset, { ...options, seed: options.seed ?? PROTOCOL.seed, started });
  }
  const points = !isClassifierManifest(manifest) && manifest.points !== undefined;
  const n = options.n ?? (points ? POINT_PROTOCOL.samples : PROTOCOL.n);
  const seed = options.seed ?? PROTOCOL.seed;
  if (!Number.isInteger(n) || n < 20) throw new InputError(`n must be an integer of at least 20, got ${n}`);
  const log = options.log ?? (() => undefined);
  if (!isClassifierManifest(manifest) && manifest.points) return evaluatePointsModel(folder, manifest, { ...options, n, seed, started });
  const extractorId = isClassifierManifest(manifest) ? manifest.id : extractorFor(manifest.dataset.name);
  const extractor = await FeatureExtractor.load(isClassifierManifest(manifest) ? folder : extractorId, {
    ...resolve,
    device: options.device,
    threads: options.threads,
  });
  const engine = options.engine ?? (await OrtDotProductEngine.create({ device: options.device, threads: options.threads }));
  try {
    if (!manifest.image) throw new GenzooError(`${manifest.id}: its samples are points, not images; image metrics do not apply`, 'E_EVAL');
    const { width, height } = manifest.image;
    if (width !== extractor.manifest.image.width || height !== extractor.manifest.image.height) {
      throw new GenzooError(`${manifest.id} makes ${width}×${height} images but extractor ${extractor.id} takes ${extractor.manifest.image.width}×${extractor.manifest.image.height}`, 'E_EVAL');
    }
    let stage = performance.now();
    const cacheDir = datasetCacheFolder(options.cwd, options.env);
    const reference = await referenceData(extractor, manifest.dataset, cacheDir);
    const referenceSeconds = seconds(stage);
    log(`reference: ${reference.split.train.length} training and ${reference.split.heldOut.length} held-out ${manifest.dataset.name} images (${reference.cached ? 'features cached' : 'features extracted'}, ${referenceSeconds.toFixed(1)} s)`);

    let generateSeconds = 0;
    let featureSeconds = 0;
    let metricSeconds = 0;
    const figures: Record<string, number> = {};
    const pairs: MemorizationPair[] = [];
    const manifold = { seed, manifoldSamples: Math.min(PROTOCOL.manifoldSamples, reference.heldOut.features.rows) };
    const plane = width * height;

    if (isClassifierManifest(manifest)) {
      const rows: [ReferenceRow, Extracted][] = [['heldOut', reference.heldOut]];
      stage = performance.now();
      rows.push(['noise', await extractor.extract(noiseImages(n, plane, seed), n)]);
      featureSeconds = seconds(stage);
      stage = performance.now();
      for (const [row, extracted] of rows) {
        const measured = await distributionFigures(engine, extracted, reference.train.features, manifold);
        for (const figure of REFERENCE_FIGURES) figures[`${row}.${figure}`] = measured[figure];
      }
      metricSeconds = seconds(stage);
    } else {
      const generator = await loadModel(folder, { ...resolve, device: options.device, threads: options.threads });
      try {
        stage = performance.now();
        const generated = await generateImages(generator, n, seed, options.truncation);
        generateSeconds = seconds(stage);
        stage = performance.now();
        const extracted = await extractor.extract(generated.pixels, n);
        featureSeconds = seconds(stage);
        log(`generated ${n} samples (${generateSeconds.toFixed(1)} s) and extracted their features (${featureSeconds.toFixed(1)} s)`);
        stage = performance.now();
        const measured: DistributionFigures = await distributionFigures(engine, extracted, reference.train.features, manifold);
        Object.assign(figures, measured);
        const copies = await memorization(engine, extracted.features, reference.train.features, reference.heldOut.features);
        figures.memorizationDistanceRatio = copies.distanceRatio;
        figures.nearCopyRate = copies.nearCopyRate;
        if (manifest.graphs.density) {
          figures.heldOutLogDensity = await heldOutLogDensity(generator, reference.dataset, reference.split.heldOut);
          log(`held-out log-density ${figures.heldOutLogDensity.toFixed(3)} nats per image (${manifest.graphs.density.file})`);
        }
        metricSeconds = seconds(stage);
        for (const pair of closestPairs(copies, 16)) {
          const trainIndex = reference.split.train[pair.train]!;
          pairs.push({
            generated: generated.pixels.slice(pair.generated * plane, (pair.generated + 1) * plane),
            train: reference.dataset.pixels.slice(trainIndex * plane, (trainIndex + 1) * plane),
            trainIndex,
            distance: pair.distance,
          });
        }
      } finally {
        await generator.dispose();
      }
    }
    const total = seconds(started);
    const protocol: Evaluation = {
      tool: toolName(),
      n,
      seed,
      extractor: { id: extractor.id, file: extractor.manifest.graphs.classifier.file, sha256: extractor.sha256 },
      reference: { dataset: manifest.dataset.name, split: 'train', size: reference.split.train.length },
      settings: {
        kidSubsets: PROTOCOL.kidSubsets,
        kidSubsetSize: Math.min(PROTOCOL.kidSubsetSize, n, reference.split.train.length),
        inceptionScoreSplits: PROTOCOL.inceptionScoreSplits,
        kPrecisionRecall: PROTOCOL.kPrecisionRecall,
        kDensityCoverage: PROTOCOL.kDensityCoverage,
        manifoldSamples: Math.min(manifold.manifoldSamples, n),
        featureSize: extractor.featureSize,
        heldOutSamples: reference.split.heldOut.length,
      },
      figures: Object.keys(figures),
      seconds: Math.round(total * 10) / 10,
      evaluatedAt: new Date().toISOString(),
    };
    return {
      folder,
      manifest,
      figures,
      protocol,
      seconds: { generate: generateSeconds, reference: referenceSeconds, features: featureSeconds, metrics: metricSeconds, total },
      referenceCached: reference.cached,
      memorizationPairs: pairs,
      image: { width, height },
    };
  } finally {
    if (!options.engine) await engine.release();
    await extractor.dispose();
  }
}

export type { ReferenceData };
