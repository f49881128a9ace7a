import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random/rng.js';

/** Instance noise (Sønderby et al. 2017): Gaussian noise on every discriminator input. */
export interface InstanceNoiseOptions {
  /** Standard deviation at step 0. */
  std: number;
  /** Linearly anneal the std to 0 over this many steps (default: constant). */
  annealSteps?: number;
}

/** The noise std at `step`. */
export function instanceNoiseStd(options: InstanceNoiseOptions, step: number): number {
  if (!(options.std >= 0)) throw new Error(`instance noise std must be ≥ 0, got ${options.std}`);
  if (options.annealSteps === undefined) return options.std;
  return options.std * Math.max(0, 1 - step / options.annealSteps);
}

/** x + std·N(0, 1), the noise drawn from `rng`; returns a clone of x when std is 0. */
export function addInstanceNoise(x: tf.Tensor, std: number, rng: Rng): tf.Tensor {
  if (std === 0) return tf.clone(x);
  return tf.tidy(() => tf.add(x, tf.mul(tf.tensor(rng.normals(x.size), x.shape), std)));
}
