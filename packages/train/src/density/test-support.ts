import { Rng } from '../random/rng.js';
import type { Points } from './points.js';

/** `perCentre` points around each centre with isotropic noise of std `std`, seeded. */
export function blobs(centres: readonly (readonly number[])[], perCentre: number, std: number, seed: number): Points {
  const rng = new Rng(seed);
  const d = centres[0]!.length;
  const data = new Float64Array(centres.length * perCentre * d);
  let row = 0;
  for (const centre of centres) {
    for (let i = 0; i < perCentre; i++, row++) for (let j = 0; j < d; j++) data[row * d + j] = centre[j]! + std * rng.nextNormal();
  }
  return { rows: row, cols: d, data };
}

/** Points on a regular grid covering [low, high]² with `steps` points per side, and the cell area. */
export function grid2d(low: number, high: number, steps: number): { points: Points; cellArea: number } {
  const step = (high - low) / (steps - 1);
  const data = new Float64Array(steps * steps * 2);
  for (let i = 0; i < steps; i++) for (let j = 0; j < steps; j++) data.set([low + i * step, low + j * step], (i * steps + j) * 2);
  return { points: { rows: steps * steps, cols: 2, data }, cellArea: step * step };
}
