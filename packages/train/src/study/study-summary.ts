import type { StudyRunResult } from './study-result.js';

/** Mean and standard error (sample std / √n; 0 for a single run) of one figure. */
export interface MeanSe {
  mean: number;
  se: number;
}

/** One configuration's figures over its finished seeds. */
export interface StudyRow {
  config: string;
  title: string;
  seeds: number[];
  modesCaptured: MeanSe;
  modes: number;
  /** Percent. */
  highQuality: MeanSe;
  reverseKl: MeanSe;
  /** Whether every seed captured every mode. */
  allModesEverySeed: boolean;
  msPerStep: number;
  steps: number;
}

/** Mean ± standard error of `values`. */
export function meanSe(values: readonly number[]): MeanSe {
  if (values.length === 0) throw new Error('cannot summarize an empty list of values');
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (values.length === 1) return { mean, se: 0 };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, se: Math.sqrt(variance / values.length) };
}

/** Summarizes one configuration's results (all from the same dataset). */
export function summarizeConfig(config: string, title: string, results: readonly StudyRunResult[]): StudyRow {
  if (results.length === 0) throw new Error(`no finished runs of '${config}' to summarize`);
  const first = results[0]!;
  return {
    config,
    title,
    seeds: results.map((r) => r.seed),
    modesCaptured: meanSe(results.map((r) => r.modesCaptured)),
    modes: first.modes,
    highQuality: meanSe(results.map((r) => 100 * r.highQuality)),
    reverseKl: meanSe(results.map((r) => r.reverseKl)),
    allModesEverySeed: results.every((r) => r.modesCaptured === r.modes),
    msPerStep: meanSe(results.map((r) => r.msPerStep)).mean,
    steps: first.settings.steps,
  };
}
