import { featureMatrix, modeMetrics, SYNTHETIC_SAMPLES, type Mixture2d } from '@genzoo/metrics';
import { createGan2dRun } from '../families/gan-2d-run.js';
import type { Gan2dSettings } from '../families/gan-2d-settings.js';
import { trainGan2d } from '../families/gan-2d-train-loop.js';
import { roundedPoints, type StudyRunResult } from './study-result.js';

/** Seed of the latents of the evaluated samples: fixed, so that runs differ only by their training seed. */
export const EVALUATION_SAMPLE_SEED = 2500;

/** Trains one configuration on one seed and scores 2,500 samples with the PacGAN protocol of @genzoo/metrics. */
export function runStudySeed(options: { config: string; dataset: string; mixture: Mixture2d; settings: Gan2dSettings; seed: number; log?: (line: string) => void }): StudyRunResult {
  const { settings, mixture, seed } = options;
  const run = createGan2dRun(settings, mixture, seed);
  try {
    const { snapshots, seconds } = trainGan2d(run, settings.steps, { sampleSeed: EVALUATION_SAMPLE_SEED });
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
