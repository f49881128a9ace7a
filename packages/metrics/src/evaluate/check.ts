import type { Evaluation } from '@genzoo/core';

/** One recorded figure against its recomputed value. */
export interface FigureCheck {
  name: string;
  recorded: number | undefined;
  measured: number | undefined;
  ok: boolean;
}

/** Relative tolerance of continuous figures: manifests keep six significant digits and thread counts may reorder sums. */
export const CHECK_RELATIVE_TOLERANCE = 1e-3;
/** Absolute floor of the tolerance, for continuous figures near zero (KID). */
export const CHECK_ABSOLUTE_TOLERANCE = 1e-6;

/** Figures that count samples: a sample on a k-NN ball's edge may flip between CPUs, so they may differ by two counts. */
const COUNTED = new Set(['precision', 'recall', 'density', 'coverage', 'nearCopyRate']);
/** 2-D mode figures: a sample on a 3σ circle may flip between CPUs, moving them by about one count in n. */
const MODE_COUNTED = new Set(['highQuality', 'reverseKl']);

/** How far a recomputed figure may be from the recorded one. */
export function toleranceOf(name: string, recorded: number, evaluation: Evaluation): number {
  const base = name.split('.').pop()!;
  if (COUNTED.has(base)) {
    const samples = base === 'nearCopyRate' ? evaluation.n : (evaluation.settings.manifoldSamples ?? evaluation.n);
    return 2 / samples + CHECK_ABSOLUTE_TOLERANCE;
  }
  if (MODE_COUNTED.has(base)) return 2 / evaluation.n + CHECK_ABSOLUTE_TOLERANCE;
  // A translated image near a decision boundary may change class between CPUs.
  const direction = /^classAccuracy(A2b|B2a)$/.exec(base)?.[1];
  if (direction) return 2 / (evaluation.settings[`samples${direction}`] ?? evaluation.n) + CHECK_ABSOLUTE_TOLERANCE;
  return CHECK_ABSOLUTE_TOLERANCE + CHECK_RELATIVE_TOLERANCE * Math.abs(recorded);
}

/** Compares every figure an evaluation recorded with a fresh measurement. */
export function compareFigures(recorded: Record<string, number>, evaluation: Evaluation, measured: Record<string, number>): FigureCheck[] {
  return evaluation.figures.map((name) => {
    const before = recorded[name];
    const after = measured[name];
    const ok = before !== undefined && after !== undefined && Math.abs(before - after) <= toleranceOf(name, before, evaluation);
    return { name, recorded: before, measured: after, ok };
  });
}
