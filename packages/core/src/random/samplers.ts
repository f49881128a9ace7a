import { InputError } from '../errors.js';
import { tensor, type TensorData } from '../tensor.js';
import { assertSeed, createRng, type Rng } from './prng.js';

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

export interface ComponentRequest {
  /** Number of draws. */
  n: number;
  seed: number;
  /** Number of mixture components. */
  components: number;
  /** Mixture weights summing to 1; uniform when omitted. */
  weights?: readonly number[] | undefined;
}

/**
 * The component stream of a seed is separate from its latent stream, so a mixture's noise rows are the
 * same standard normal rows `sampleLatents` gives for that seed.
 */
const COMPONENT_STREAM = 0x9e3779b9;

/** Draws `n` mixture component indices from `weights`; draw i is the same for a seed whatever n is. */
export function sampleComponents({ n, seed, components, weights }: ComponentRequest): number[] {
  if (!Number.isInteger(n) || n <= 0) throw new InputError(`n must be a positive integer, got ${n}`);
  if (!Number.isInteger(components) || components <= 0) throw new InputError(`components must be a positive integer, got ${components}`);
  if (weights && weights.length !== components) throw new InputError(`expected ${components} mixture weights, got ${weights.length}`);
  assertSeed(seed);
  const rng = createRng((seed ^ COMPONENT_STREAM) >>> 0);
  if (!weights) return Array.from({ length: n }, () => rng.integer(components));
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) cumulative.push((total += weight));
  return Array.from({ length: n }, () => {
    const target = rng.uniform() * total;
    let low = 0;
    let high = components - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return low;
  });
}
