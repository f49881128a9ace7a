import { existsSync, readFileSync } from 'node:fs';
import type { Gan2dSettings } from '../families/gan-2d-settings.js';

/** Generator samples at one point of training (for the mode-hopping strip). */
export interface StudySnapshot {
  step: number;
  /** Row-major [n, 2]. */
  points: number[];
}

/** What one (configuration, seed) run leaves behind: one JSON file, written when the run finishes. */
export interface StudyRunResult {
  config: string;
  dataset: string;
  seed: number;
  settings: Gan2dSettings;
  modesCaptured: number;
  modes: number;
  /** Share of high-quality samples, 0…1. */
  highQuality: number;
  reverseKl: number;
  histogram: number[];
  msPerStep: number;
  wallClockSeconds: number;
  /** The evaluated samples (2,500 by the protocol), row-major, rounded to 1e-4. */
  samples: number[];
  snapshots: StudySnapshot[];
}

/** File name of one run's result. */
export function resultFileName(config: string, seed: number): string {
  return `${config}-seed${seed}.json`;
}

/** A study JSON file's contents, or undefined when it is absent; `what` names it in the one-line error for a corrupt one. */
export function readStudyJson<T>(path: string, what: string, check: (value: T) => void = () => {}): T | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as T;
    check(value);
    return value;
  } catch (error) {
    throw new Error(`corrupt ${what} ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** A finished run's result, or undefined when the file is absent (the run has not finished). */
export function readStudyResult(path: string): StudyRunResult | undefined {
  return readStudyJson<StudyRunResult>(path, 'study result');
}

/** Rounds coordinates to 1e-4, far below the protocol's 3σ radii, to keep result files small. */
export function roundedPoints(points: ArrayLike<number>): number[] {
  return Array.from(points, (v) => Math.round(v * 1e4) / 1e4);
}
