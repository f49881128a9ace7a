import { roundedPoints, type StudySnapshot } from '../study/study-result.js';
import type { Gan2dRun } from './gan-2d-run.js';

/** Snapshots of generator samples taken over a run (the last one at the final step). */
export const SNAPSHOTS = 8;
/** Samples per snapshot. */
export const SNAPSHOT_SAMPLES = 500;

/** What {@link trainGan2d} leaves besides the trained run. */
export interface Gan2dTraining {
  snapshots: StudySnapshot[];
  seconds: number;
}

/**
 * Takes `steps` steps of `run`, with {@link SNAPSHOTS} snapshots of {@link SNAPSHOT_SAMPLES} samples spread over
 * them (latents from `sampleSeed`, the same at every snapshot so that the strip shows the generator moving).
 */
export function trainGan2d(run: Gan2dRun, steps: number, options: { sampleSeed: number; onStep?: (step: number, losses: Record<string, number>) => void }): Gan2dTraining {
  const snapshotEvery = Math.max(1, Math.ceil(steps / SNAPSHOTS));
  const snapshots: StudySnapshot[] = [];
  const started = performance.now();
  for (let step = 1; step <= steps; step++) {
    const losses = run.step();
    options.onStep?.(step, losses);
    if (step % snapshotEvery === 0 || step === steps) {
      snapshots.push({ step, points: roundedPoints(run.sample(SNAPSHOT_SAMPLES, options.sampleSeed)) });
    }
  }
  return { snapshots, seconds: (performance.now() - started) / 1000 };
}
