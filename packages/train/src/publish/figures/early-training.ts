import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LossPoint } from '../../image/loss-curve.js';

/** Steps of the saturation diagnostics kept from the start of a run. */
export const EARLY_TRAINING_STEPS = 1000;
/** Consecutive steps averaged into one point of the kept series. */
export const EARLY_TRAINING_BUCKET = 10;
/** The series' file in a model folder, beside its figure, so that later models in the folder can plot it too. */
export const EARLY_TRAINING_FILE = 'early-training.json';

/**
 * The generator's saturation diagnostics over the first {@link EARLY_TRAINING_STEPS} steps, averaged over
 * {@link EARLY_TRAINING_BUCKET}-step buckets: `gGrad`, the global L2 norm of G's gradient, and `dFake`,
 * the mean probability D gave G's samples in the generator update.
 */
export interface EarlyTraining {
  /** The loss by registry name, e.g. `minimax`. */
  loss: string;
  /** Step at the middle of each bucket. */
  steps: number[];
  gGrad: number[];
  dFake: number[];
}

/** The per-step losses of a run's `losses.jsonl`; lines cut short by a kill are skipped. */
export function readLossPoints(runDir: string): LossPoint[] {
  const path = join(runDir, 'losses.jsonl');
  if (!existsSync(path)) return [];
  const points: LossPoint[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      points.push(JSON.parse(line) as LossPoint);
    } catch {
      continue;
    }
  }
  return points;
}

function rounded(value: number): number {
  return Number(value.toPrecision(4));
}

/** The early-training series of a run's points, or undefined when it recorded no diagnostics. */
export function earlyTraining(points: readonly LossPoint[], loss: string): EarlyTraining | undefined {
  const early = points.filter((point) => point.step <= EARLY_TRAINING_STEPS && Number.isFinite(point.losses['gGrad']) && Number.isFinite(point.losses['dFake']));
  if (early.length === 0) return undefined;
  const series: EarlyTraining = { loss, steps: [], gGrad: [], dFake: [] };
  for (let start = 0; start < early.length; start += EARLY_TRAINING_BUCKET) {
    const bucket = early.slice(start, start + EARLY_TRAINING_BUCKET);
    const mean = (key: string): number => bucket.reduce((sum, point) => sum + point.losses[key]!, 0) / bucket.length;
    series.steps.push(rounded(bucket.reduce((sum, point) => sum + point.step, 0) / bucket.length));
    series.gGrad.push(rounded(mean('gGrad')));
    series.dFake.push(rounded(mean('dFake')));
  }
  return series;
}

export function writeEarlyTraining(folder: string, series: EarlyTraining): void {
  writeFileSync(join(folder, EARLY_TRAINING_FILE), `${JSON.stringify(series)}\n`);
}

/** The series in a model folder, or undefined when it has none (or an unreadable one). */
export function readEarlyTraining(folder: string): EarlyTraining | undefined {
  try {
    const series = JSON.parse(readFileSync(join(folder, EARLY_TRAINING_FILE), 'utf8')) as EarlyTraining;
    return Array.isArray(series.steps) && Array.isArray(series.gGrad) && Array.isArray(series.dFake) && typeof series.loss === 'string' ? series : undefined;
  } catch {
    return undefined;
  }
}
