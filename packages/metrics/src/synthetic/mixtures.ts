import { createRng, InputError } from '@genzoo/core';
import { featureMatrix, type FeatureMatrix } from '../features/feature-matrix.js';

/** An equally weighted mixture of isotropic 2-D Gaussians: the mode-collapse benchmarks of VEEGAN and PacGAN. */
export interface Mixture2d {
  name: string;
  /** Mode centres, `[x, y]`. */
  centres: readonly (readonly [number, number])[];
  /** Standard deviation of every mode. */
  std: number;
}

/** 8 modes evenly spaced on the unit circle, std 0.01 (VEEGAN's "2D Ring"; PacGAN's 2D-ring). */
export const RING_8: Mixture2d = {
  name: 'ring-8',
  centres: Array.from({ length: 8 }, (_, k) => [Math.cos((2 * Math.PI * k) / 8), Math.sin((2 * Math.PI * k) / 8)] as const),
  std: 0.01,
};

/** 25 modes on the grid {-4, -2, 0, 2, 4}², std 0.05 (VEEGAN's "2D Grid"; PacGAN's 2D-grid). */
export const GRID_25: Mixture2d = {
  name: 'grid-25',
  centres: [-4, -2, 0, 2, 4].flatMap((x) => [-4, -2, 0, 2, 4].map((y) => [x, y] as const)),
  std: 0.05,
};

/** The published protocol draws 2,500 samples. */
export const SYNTHETIC_SAMPLES = 2500;

/** `n` points of the mixture: mode k for point i is drawn uniformly, then Gaussian noise; seeded by core's PRNG. */
export function sampleMixture(mixture: Mixture2d, n: number, seed: number): FeatureMatrix {
  if (!Number.isInteger(n) || n < 1) throw new InputError(`n must be a positive integer, got ${n}`);
  const rng = createRng(seed);
  const data = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    const [x, y] = mixture.centres[rng.integer(mixture.centres.length)]!;
    data[2 * i] = x + mixture.std * rng.normal();
    data[2 * i + 1] = y + mixture.std * rng.normal();
  }
  return featureMatrix(data, n, 2);
}
