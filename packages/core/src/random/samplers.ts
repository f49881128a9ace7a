import { InputError } from '../errors.js';
import { tensor, type TensorData } from '../tensor.js';
import { createRng, type Rng } from './prng.js';

/** Fills `count` standard normal draws. */
export function normalArray(rng: Rng, count: number): Float32Array {
  const out = new Float32Array(count);
  for (let index = 0; index < count; index++) out[index] = rng.normal();
  return out;
}

/**
 * Standard normal draws restricted to [-threshold, threshold] by resampling (the truncation trick).
 * Resampling keeps the shape of the distribution inside the bounds, unlike clipping.
 */
export function truncatedNormalArray(rng: Rng, count: number, threshold: number): Float32Array {
  if (!(threshold > 0) || !Number.isFinite(threshold)) {
    throw new InputError(`truncation threshold must be a positive finite number, got ${threshold}`);
  }
  const out = new Float32Array(count);
  for (let index = 0; index < count; index++) {
    let value: number;
    do value = rng.normal();
    while (Math.abs(value) > threshold);
    out[index] = value;
  }
  return out;
}

/** Uniform draws in [low, high). */
export function uniformArray(rng: Rng, count: number, low = -1, high = 1): Float32Array {
  const out = new Float32Array(count);
  for (let index = 0; index < count; index++) out[index] = low + (high - low) * rng.uniform();
  return out;
}

/** One-hot rows for class `labels` out of `classes`. */
export function oneHot(labels: readonly number[], classes: number): TensorData {
  const out = new Float32Array(labels.length * classes);
  labels.forEach((label, row) => {
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new InputError(`label ${label} is out of range: labels are integers from 0 to ${classes - 1}`);
    }
    out[row * classes + label] = 1;
  });
  return tensor(out, [labels.length, classes]);
}

export interface LatentRequest {
  /** Number of latent vectors. */
  n: number;
  /** Size of each vector. */
  size: number;
  seed: number;
  distribution?: 'normal' | 'uniform';
  /** Truncation threshold for normal latents; omitted means none. */
  truncation?: number | undefined;
}

/** Draws an `[n, size]` latent batch; row i is the same for a seed whatever n is. */
export function sampleLatents({ n, size, seed, distribution = 'normal', truncation }: LatentRequest): TensorData {
  if (!Number.isInteger(n) || n <= 0) throw new InputError(`n must be a positive integer, got ${n}`);
  if (!Number.isInteger(size) || size <= 0) throw new InputError(`latent size must be a positive integer, got ${size}`);
  const rng = createRng(seed);
  const count = n * size;
  let data: Float32Array;
  if (distribution === 'uniform') data = uniformArray(rng, count);
  else if (truncation === undefined) data = normalArray(rng, count);
  else data = truncatedNormalArray(rng, count, truncation);
  return tensor(data, [n, size]);
}
