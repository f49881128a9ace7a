import { createRng } from '@genzoo/core';
import { featureMatrix, type FeatureMatrix } from '../features/feature-matrix.js';
import { GRID_25, RING_8, sampleMixture, type Mixture2d } from '../synthetic/mixtures.js';

/** Figures a points model's evaluation writes into `metrics` (mode figures only for sets with discrete modes). */
export const POINT_FIGURES = ['heldOutLogDensity', 'modesCaptured', 'highQuality', 'reverseKl'] as const;

/** Figures an image model with a density graph gets on top of the image figures. */
export const DENSITY_FIGURES = ['heldOutLogDensity'] as const;

/** Fixed settings of a points model's evaluation. */
export const POINT_PROTOCOL = {
  /** Samples for the mode metrics: the 2-D protocol of VEEGAN and PacGAN draws 2,500. */
  samples: 2500,
  /** Seed of the held-out points drawn from the true distribution (fixed, independent of the sample seed). */
  heldOutSeed: 0x2d2d_e7a1,
} as const;

/** A 2-D training set's true distribution, as evaluation knows it. */
export interface PointDistribution {
  /** `n` fresh points, seeded by core's PRNG. */
  sample(n: number, seed: number): FeatureMatrix;
  /** The discrete modes, for the mode metrics (ring and grid). */
  modes?: Mixture2d;
}

/** Two interleaved half circles with Gaussian noise, as `@genzoo/train` draws `two-moons`. */
function moons(n: number, seed: number): FeatureMatrix {
  const rng = createRng(seed);
  const data = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    const angle = rng.uniform() * Math.PI;
    const upper = rng.uniform() < 0.5;
    data[2 * i] = (upper ? Math.cos(angle) : 1 - Math.cos(angle)) + 0.05 * rng.normal();
    data[2 * i + 1] = (upper ? Math.sin(angle) : 0.5 - Math.sin(angle)) + 0.05 * rng.normal();
  }
  return featureMatrix(data, n, 2);
}

/** The swiss roll t·(cos t, sin t)/15, t ∈ [1.5π, 4.5π), with Gaussian noise, as `@genzoo/train` draws it. */
function swissRoll(n: number, seed: number): FeatureMatrix {
  const rng = createRng(seed);
  const data = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    const t = 1.5 * Math.PI * (1 + 2 * rng.uniform());
    data[2 * i] = (t * Math.cos(t)) / 15 + 0.05 * rng.normal();
    data[2 * i + 1] = (t * Math.sin(t)) / 15 + 0.05 * rng.normal();
  }
  return featureMatrix(data, n, 2);
}

const mixture = (modes: Mixture2d): PointDistribution => ({ sample: (n, seed) => sampleMixture(modes, n, seed), modes });

/**
 * The true distributions of genzoo's 2-D training sets (the same shapes and noise std as `@genzoo/train`
 * draws them), by manifest dataset name. Held-out points are fresh draws from them; for ring and grid,
 * mode metrics call a sample high quality within 3 of these σ of its nearest centre.
 */
export const POINT_DATASETS: Readonly<Record<string, PointDistribution>> = {
  ring: mixture({ ...RING_8, name: 'ring', std: 0.02 }),
  grid: mixture({ ...GRID_25, name: 'grid', std: 0.05 }),
  // The published mode-collapse protocol's own sets (VEEGAN, PacGAN): the ring is narrower than train's `ring`.
  [RING_8.name]: mixture(RING_8),
  [GRID_25.name]: mixture(GRID_25),
  moons: { sample: moons },
  'swiss-roll': { sample: swissRoll },
};
