import type { TrainingSummary } from '../trainers/training-run.js';

/** A one-step run summary of `family` on MNIST, for publish tests that export freshly built models. */
export function oneStepSummary(family: string): TrainingSummary {
  return {
    family,
    dataset: 'mnist',
    config: { steps: 1, batchSize: 8, seed: 1, sampleEvery: 1, checkpointEvery: 1, evalCount: 2000 },
    backend: { name: 'wasm', summary: 'test backend', registeredKernels: [] },
    steps: 1,
    wallClockSeconds: 1,
    msPerStep: 1,
    finalLosses: { loss: 1 },
    metrics: {},
    files: [],
  };
}
