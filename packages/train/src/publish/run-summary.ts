import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainingSummary } from '../trainers/training-run.js';

/** Reads a finished run's `training.json`; one-line error when the run has not finished. */
export function readTrainingSummary(runDir: string): TrainingSummary {
  try {
    return JSON.parse(readFileSync(join(runDir, 'training.json'), 'utf8')) as TrainingSummary;
  } catch (error) {
    throw new Error(`cannot read ${join(runDir, 'training.json')}: ${(error as Error).message.split('\n')[0]} (has the run finished?)`);
  }
}

/** The manifest's `training` record: what every shipped model says about how it was trained. */
export function trainingRecord(summary: TrainingSummary, objective: string): Record<string, unknown> {
  return {
    trainingFamily: summary.family,
    steps: summary.steps,
    batchSize: summary.config.batchSize,
    seed: summary.config.seed,
    ...(summary.config.epochs === undefined ? {} : { epochs: summary.config.epochs }),
    wallClockSeconds: Math.round(summary.wallClockSeconds),
    msPerStep: Math.round(summary.msPerStep),
    backend: summary.backend.summary,
    finalLosses: summary.finalLosses,
    objective,
  };
}
