import { featureMatrix, modeMetrics, SYNTHETIC_SAMPLES, type Mixture2d } from '@genzoo/metrics';
import { createGan2dRun } from '../families/gan-2d-run.js';
import type { Gan2dSettings } from '../families/gan-2d-settings.js';
import { roundedPoints, type StudyRunResult, type StudySnapshot } from './study-result.js';

/** Seed of the latents of the evaluated samples: fixed, so that runs differ only by their training seed. */
export const EVALUATION_SAMPLE_SEED = 2500;
/** Snapshots of generator samples taken over a run (the last one at the final step). */
export const SNAPSHOTS = 8;
/** Samples per snapshot. */
export const SNAPSHOT_SAMPLES = 500;

/** Trains one configuration on one seed and scores 2,500 samples with the PacGAN protocol of @genzoo/metrics. */
export function runStudySeed(options: { config: string; dataset: string; mixture: Mixture2d; settings: Gan2dSettings; seed: number; log?: (line: string) => void }): StudyRunResult {
  const { settings, mixture, seed } = options;
  const run = createGan2dRun(settings, mixture, seed);
  try {
    const snapshotEvery = Math.max(1, Math.ceil(settings.steps / SNAPSHOTS));
    const snapshots: StudySnapshot[] = [];
    const started = performance.now();
    for (let step = 1; step <= settings.steps; step++) {
      run.step();
      if (step % snapshotEvery === 0 || step === settings.steps) {
        snapshots.push({ step, points: roundedPoints(run.sample(SNAPSHOT_SAMPLES, EVALUATION_SAMPLE_SEED)) });
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const samples = run.sample(SYNTHETIC_SAMPLES, EVALUATION_SAMPLE_SEED);
    const metrics = modeMetrics(featureMatrix(samples, SYNTHETIC_SAMPLES, 2), mixture);
    options.log?.(
      `${options.config} seed ${seed}: ${metrics.modesCaptured}/${metrics.modes} modes, ${(100 * metrics.highQuality).toFixed(1)}% high quality, reverse KL ${metrics.reverseKl.toFixed(3)} (${seconds.toFixed(0)} s)`,
    );
    return {
      config: options.config,
      dataset: options.dataset,
      seed,
      settings,
      modesCaptured: metrics.modesCaptured,
      modes: metrics.modes,
      highQuality: metrics.highQuality,
      reverseKl: metrics.reverseKl,
      histogram: metrics.histogram,
      msPerStep: settings.steps === 0 ? 0 : (1000 * seconds) / settings.steps,
      wallClockSeconds: seconds,
      samples: roundedPoints(samples),
      snapshots,
    };
  } finally {
    run.dispose();
  }
}
