import { InputError } from './errors.js';
import { tensor, type TensorData } from './tensor.js';

export type InterpolationMethod = 'lerp' | 'slerp';

/** Linear interpolation between two vectors at t in [0, 1]. */
export function lerp(from: Float32Array, to: Float32Array, t: number): Float32Array {
  assertSameLength(from, to);
  const out = new Float32Array(from.length);
  for (let index = 0; index < from.length; index++) out[index] = from[index]! + t * (to[index]! - from[index]!);
  return out;
}

/**
 * Spherical interpolation (Shoemake), the usual choice for Gaussian latents: points stay at a typical norm
 * instead of cutting through the low-density centre. Falls back to lerp for (anti)parallel vectors.
 */
export function slerp(from: Float32Array, to: Float32Array, t: number): Float32Array {
  assertSameLength(from, to);
  let dot = 0;
  let fromNorm = 0;
  let toNorm = 0;
  for (let index = 0; index < from.length; index++) {
    dot += from[index]! * to[index]!;
    fromNorm += from[index]! * from[index]!;
    toNorm += to[index]! * to[index]!;
  }
  const cosine = dot / Math.sqrt(fromNorm * toNorm);
  const omega = Math.acos(Math.min(1, Math.max(-1, cosine)));
  const sine = Math.sin(omega);
  if (!Number.isFinite(cosine) || sine < 1e-6) return lerp(from, to, t);
  const a = Math.sin((1 - t) * omega) / sine;
  const b = Math.sin(t * omega) / sine;
  const out = new Float32Array(from.length);
  for (let index = 0; index < from.length; index++) out[index] = a * from[index]! + b * to[index]!;
  return out;
}

/** `steps` evenly spaced points from `from` to `to` (both included), as a `[steps, size]` tensor. */
export function interpolationPath(
  from: Float32Array,
  to: Float32Array,
  steps: number,
  method: InterpolationMethod = 'slerp',
): TensorData {
  if (!Number.isInteger(steps) || steps < 2) throw new InputError(`steps must be an integer of at least 2, got ${steps}`);
  const step = method === 'slerp' ? slerp : method === 'lerp' ? lerp : undefined;
  if (!step) throw new InputError(`interpolation method must be "lerp" or "slerp", got "${String(method)}"`);
  const out = new Float32Array(steps * from.length);
  for (let index = 0; index < steps; index++) out.set(step(from, to, index / (steps - 1)), index * from.length);
  return tensor(out, [steps, from.length]);
}

function assertSameLength(from: Float32Array, to: Float32Array): void {
  if (from.length !== to.length) throw new InputError(`cannot interpolate vectors of sizes ${from.length} and ${to.length}`);
}
