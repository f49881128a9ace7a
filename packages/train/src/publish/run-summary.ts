import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '@genzoo/core';
import { TRAINER_OPTION_FLAGS, type TrainerOptionName, type TrainerOptions } from '../trainers/trainer-options.js';
import type { TrainingSummary } from '../trainers/training-run.js';
import type { WeightAverage } from '../families/training-family.js';

/** Reads a finished run's `training.json`; one-line error when the run has not finished. */
export function readTrainingSummary(runDir: string): TrainingSummary {
  try {
    return JSON.parse(readFileSync(join(runDir, 'training.json'), 'utf8')) as TrainingSummary;
  } catch (error) {
    throw new Error(`cannot read ${join(runDir, 'training.json')}: ${(error as Error).message.split('\n')[0]} (has the run finished?)`);
  }
}

/**
 * A run's summary rebuilt from a shipped manifest's `training` record, for re-rendering the card of a model whose
 * run folder is gone (runs/ is not committed). What the record rounds (wall clock, ms per step) stays rounded;
 * what it does not keep (sample and checkpoint intervals) is 0.
 */
export function trainingSummaryFromManifest(manifest: Manifest): TrainingSummary {
  const training = manifest.training;
  const number = (key: string): number => {
    const value = training[key];
    if (typeof value !== 'number') throw new Error(`manifest of ${manifest.id} has no training.${key} to rebuild its run from; pass --run`);
    return value;
  };
  const family = training['trainingFamily'];
  const backend = training['backend'];
  if (typeof family !== 'string' || typeof backend !== 'string') throw new Error(`manifest of ${manifest.id} has no training record to rebuild its run from; pass --run`);
  // Training's own metrics: not the export check publishing adds, nor the figures `genzoo eval` merged in since.
  const added = new Set(['exportMaxAbsError', ...(manifest.evaluation?.figures ?? [])]);
  const metrics = Object.fromEntries(Object.entries(manifest.metrics).filter(([key]) => !added.has(key)));
  const epochs = training['epochs'];
  return {
    family,
    dataset: manifest.dataset.name,
    datasetSize: manifest.dataset.trainSize + manifest.dataset.heldOutSize,
    config: {
      steps: number('steps'),
      batchSize: number('batchSize'),
      seed: number('seed'),
      ...(typeof epochs === 'number' ? { epochs } : {}),
      sampleEvery: 0,
      checkpointEvery: 0,
      evalCount: manifest.dataset.heldOutSize,
    },
    backend: { name: /^backend:\s*(\w+)/.exec(backend)?.[1] ?? 'unknown', summary: backend, registeredKernels: [] },
    ...(training['trainer'] === undefined ? {} : { trainer: training['trainer'] as TrainerOptions }),
    ...(training['weightAverage'] === undefined ? {} : { weightAverage: training['weightAverage'] as WeightAverage }),
    steps: number('steps'),
    wallClockSeconds: number('wallClockSeconds'),
    msPerStep: number('msPerStep'),
    finalLosses: (training['finalLosses'] ?? {}) as Record<string, number>,
    metrics,
    files: Object.keys(manifest.graphs),
  };
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
    ...(summary.weightAverage === undefined ? {} : { weightAverage: summary.weightAverage }),
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
