import { InputError } from '@genzoo/core';
import { evaluateModel, type EvaluateOptions } from './evaluate-model.js';
import { PROTOCOL, toolName } from './protocol.js';

/** Thresholds of the fidelity/variety curve, from nearly the latent's mode to the full prior (`null`: no truncation). */
export const TRUNCATION_CURVE_THRESHOLDS: readonly (number | null)[] = [0.04, 0.25, 0.5, 0.75, 1, 1.5, 2, null];
/** Samples per threshold: half the protocol's 10,000, so eight points cost about as much as four evaluations. */
export const TRUNCATION_CURVE_SAMPLES = 5000;
/** Figures recorded at each threshold. */
export const TRUNCATION_CURVE_FIGURES = ['fid', 'precision', 'recall', 'density', 'coverage'] as const;
/** File names written into the model folder. */
export const TRUNCATION_CURVE_FILES = { data: 'truncation-curve.json', plot: 'truncation-curve.png' } as const;

export type TruncationCurveFigure = (typeof TRUNCATION_CURVE_FIGURES)[number];

/** The figures at one threshold (`truncation: null` is the untruncated prior). */
export type TruncationCurvePoint = { truncation: number | null } & Record<TruncationCurveFigure, number>;

/** A model's fidelity/variety curve, as written to `truncation-curve.json`. */
export interface TruncationCurve {
  model: string;
  tool: string;
  /** Samples per threshold, all drawn from `seed`. */
  n: number;
  seed: number;
  extractor: string;
  points: TruncationCurvePoint[];
  seconds: number;
  evaluatedAt: string;
}

/** Measures the {@link TRUNCATION_CURVE_FIGURES} at one threshold (undefined: none). */
export type TruncationMeasure = (truncation: number | undefined) => Promise<Record<string, number>>;

/** Checks a list of thresholds: each a finite number > 0 or null, no repeats. */
export function checkThresholds(thresholds: readonly (number | null)[]): void {
  if (thresholds.length === 0) throw new InputError('the truncation curve needs at least one threshold');
  for (const threshold of thresholds) {
    if (threshold !== null && !(Number.isFinite(threshold) && threshold > 0)) throw new InputError(`truncation thresholds must be positive numbers, got ${threshold}`);
  }
  if (new Set(thresholds).size !== thresholds.length) throw new InputError(`truncation thresholds repeat: ${thresholds.join(', ')}`);
}

/** The curve's points: `measure` at each threshold in turn, in the order given. */
export async function measureTruncationCurve(thresholds: readonly (number | null)[], measure: TruncationMeasure): Promise<TruncationCurvePoint[]> {
  checkThresholds(thresholds);
  const points: TruncationCurvePoint[] = [];
  for (const truncation of thresholds) {
    const figures = await measure(truncation ?? undefined);
    const point = { truncation } as TruncationCurvePoint;
    for (const name of TRUNCATION_CURVE_FIGURES) {
      const value = figures[name];
      if (value === undefined) throw new Error(`the evaluation at truncation ${truncation ?? 'none'} did not measure ${name}`);
      point[name] = value;
    }
    points.push(point);
  }
  return points;
}

/** Inputs of {@link evaluateTruncationCurve}: the evaluation's, plus the thresholds. */
export interface TruncationCurveOptions extends Omit<EvaluateOptions, 'truncation'> {
  thresholds?: readonly (number | null)[];
}

/**
 * FID, precision, recall, density and coverage of a model's samples at each truncation threshold: a full
 * `genzoo eval` per threshold on `n` samples (default {@link TRUNCATION_CURVE_SAMPLES}) from the same seed.
 */
export async function evaluateTruncationCurve(model: string, options: TruncationCurveOptions = {}): Promise<{ folder: string; curve: TruncationCurve }> {
  const started = performance.now();
  const { thresholds = TRUNCATION_CURVE_THRESHOLDS, ...evaluate } = options;
  const n = evaluate.n ?? TRUNCATION_CURVE_SAMPLES;
  const seed = evaluate.seed ?? PROTOCOL.seed;
  let folder = model;
  let id = model;
  let extractor = '';
  const points = await measureTruncationCurve(thresholds, async (truncation) => {
    const outcome = await evaluateModel(model, { ...evaluate, n, seed, truncation });
    ({ folder } = outcome);
    id = outcome.manifest.id;
    extractor = outcome.protocol.extractor.id;
    evaluate.log?.(`truncation ${truncation ?? 'none'}: ${TRUNCATION_CURVE_FIGURES.map((name) => `${name} ${outcome.figures[name]?.toPrecision(4)}`).join(', ')}`);
    return outcome.figures;
  });
  const seconds = Math.round(((performance.now() - started) / 1000) * 10) / 10;
  return { folder, curve: { model: id, tool: toolName(), n, seed, extractor, points, seconds, evaluatedAt: new Date().toISOString() } };
}
