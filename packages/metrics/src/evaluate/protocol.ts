import { createRequire } from 'node:module';

/** The fixed settings of every evaluation; recorded in each manifest's `evaluation.settings`. */
export const PROTOCOL = {
  /** Generated samples by default. */
  n: 10_000,
  seed: 0,
  kidSubsets: 100,
  kidSubsetSize: 1000,
  inceptionScoreSplits: 10,
  kPrecisionRecall: 3,
  kDensityCoverage: 5,
  /**
   * Samples per side of precision/recall and density/coverage. k-NN radii shrink as sets grow, so every
   * row (models and reference rows alike) uses the same count: the size of the held-out set.
   */
  manifoldSamples: 2000,
} as const;

/** Names of the figures a generative model's evaluation writes into `metrics`. */
export const MODEL_FIGURES = [
  'fid',
  'kid',
  'kidStd',
  'inceptionScore',
  'inceptionScoreStd',
  'precision',
  'recall',
  'density',
  'coverage',
  'memorizationDistanceRatio',
  'nearCopyRate',
] as const;

/** Figures of the reference rows, each written as `heldOut.<figure>` and `noise.<figure>` into a classifier's `metrics`. */
export const REFERENCE_FIGURES = ['fid', 'kid', 'kidStd', 'inceptionScore', 'inceptionScoreStd', 'precision', 'recall', 'density', 'coverage'] as const;

/** The two reference rows: held-out real data (the floor) and uniform noise (the ceiling). */
export const REFERENCE_ROWS = ['heldOut', 'noise'] as const;
export type ReferenceRow = (typeof REFERENCE_ROWS)[number];

/** Figures of a one-way (pix2pix) translator, in display order. */
export const PAIRED_FIGURES = ['l1A2b', 'ssimA2b', 'psnrA2b', 'fidA2b', 'kidA2b', 'kidStdA2b', 'classAccuracyA2b'] as const;

/** Figures of a two-way (CycleGAN) translator, in display order; pixel figures only where each image has a known counterpart. */
export const CYCLE_FIGURES = [
  'classAccuracyA2b', 'classAccuracyB2a', 'fidA2b', 'fidB2a', 'kidA2b', 'kidStdA2b', 'kidB2a', 'kidStdB2a', 'cycleL1A', 'cycleL1B',
  'l1A2b', 'ssimA2b', 'psnrA2b', 'l1B2a', 'ssimB2a', 'psnrB2a',
] as const;

/**
 * Prefix of the baseline figures: the same figures for the source images left untranslated (the
 * identity map), written beside the model's as `untranslated.<figure>` so every figure has its yardstick.
 */
export const BASELINE = 'untranslated.';

/** Every figure a translator evaluation may write (and each again as `untranslated.<figure>`). */
export const TRANSLATION_FIGURES: readonly string[] = [...new Set<string>([...PAIRED_FIGURES, ...CYCLE_FIGURES])];

/** `@genzoo/metrics <version>`: the `tool` of every evaluation this package writes. */
export function toolName(): string {
  return `@genzoo/metrics ${(createRequire(import.meta.url)('../../package.json') as { version: string }).version}`;
}
