import * as tf from '@tensorflow/tfjs';
import { GRID_25, RING_8, sampleMixture, type Mixture2d } from '@genzoo/metrics';
import type { Rng } from '../random/rng.js';

/** The two mode-collapse benchmarks, in the published protocol's form (ring σ 0.01, grid σ 0.05). */
export const POINT_GAN_DATASETS: Readonly<Record<string, Mixture2d>> = { ring: RING_8, grid: GRID_25 };

/** Training points per run, as in PacGAN's 2-D experiments (a fixed set of 100,000 draws). */
export const TRAINING_POINTS = 100_000;

/** Looks a 2-D benchmark up by name, with a one-line error listing the known ones. */
export function pointGanDataset(name: string): Mixture2d {
  const mixture = POINT_GAN_DATASETS[name];
  if (mixture === undefined) throw new Error(`unknown 2-D dataset '${name}' (expected one of ${Object.keys(POINT_GAN_DATASETS).join(', ')})`);
  return mixture;
}

/**
 * The largest |coordinate| of a mixture's centres (ring 1, grid 4). Networks train on points divided by it,
 * so that both benchmarks span about [−1, 1]; the shipped generator has it folded into its output layer.
 */
export function dataScale(mixture: Mixture2d): number {
  return Math.max(...mixture.centres.flatMap(([x, y]) => [Math.abs(x), Math.abs(y)]));
}

/** A fixed pool of training points drawn once per seed and divided by `scale`; batches are drawn from it with replacement. */
export class PointPool {
  readonly data: Float32Array;
  readonly count: number;

  constructor(mixture: Mixture2d, count: number, seed: number, scale = 1) {
    this.data = (sampleMixture(mixture, count, seed).data as Float32Array).map((v) => v / scale);
    this.count = count;
  }

  /** `n` points chosen uniformly with `rng`, shape [n, 2]. */
  batch(n: number, rng: Rng): tf.Tensor2D {
    const out = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) {
      const row = rng.nextInt(this.count);
      out[2 * i] = this.data[2 * row]!;
      out[2 * i + 1] = this.data[2 * row + 1]!;
    }
    return tf.tensor2d(out, [n, 2]);
  }
}
