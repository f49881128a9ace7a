import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TRAINER_OPTION_FLAGS, type TrainerOptionName, type TrainerOptions } from '../trainers/trainer-options.js';
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
    ...(summary.trainer === undefined ? {} : { trainer: summary.trainer }),
    finalLosses: summary.finalLosses,
    objective,
  };
}

/**
 * The trainer settings a run was given, as the flags that reproduce them (`--loss hinge, --n-critic 2,
 * --spectral-norm`); `undefined` when it used the family's defaults throughout.
 */
export function describeTrainerSettings(trainer: TrainerOptions | undefined): string | undefined {
  // In the flags' own order, so that the same settings always read the same.
  const flags = (Object.entries(TRAINER_OPTION_FLAGS) as [TrainerOptionName, string][])
    .map(([name, flag]) => [flag, trainer?.[name]] as const)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([flag, value]) => (value === true ? flag : `${flag} ${String(value)}`));
  return flags.length === 0 ? undefined : flags.join(', ');
}
