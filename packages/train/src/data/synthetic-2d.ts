import { Rng } from '../random/rng.js';

/** Names of the synthetic 2-D point sets. */
export const SYNTHETIC_2D_NAMES = ['ring-8', 'grid-25', 'two-moons', 'swiss-roll'] as const;

/** A synthetic 2-D set's name. */
export type Synthetic2dName = (typeof SYNTHETIC_2D_NAMES)[number];

/** Default std of the Gaussian noise around each set's structure. */
export const SYNTHETIC_2D_DEFAULT_STD: Record<Synthetic2dName, number> = {
  'ring-8': 0.02,
  'grid-25': 0.05,
  'two-moons': 0.05,
  'swiss-roll': 0.05,
};

/** Points in the plane, row-major [count, 2], with the mode each came from (−1 where there are no discrete modes). */
export interface PointDataset {
  name: string;
  count: number;
  points: Float32Array;
  /** Index of the Gaussian a point was drawn around (ring and grid), else −1. */
  modes: Int32Array;
  /** Centres of the discrete modes (ring and grid), [modes, 2]; empty otherwise. */
  centers: Float32Array;
}

/** Options of {@link sampleSynthetic2d}. */
export interface Synthetic2dOptions {
  count: number;
  seed: number;
  /** Noise std (default {@link SYNTHETIC_2D_DEFAULT_STD}). */
  std?: number;
}

/** The 8 centres at radius 1, angles 0, π/4, …. */
export function ringCenters(): Float32Array {
  return Float32Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? Math.cos : Math.sin)((Math.floor(i / 2) * Math.PI) / 4));
}

/** The 25 centres at {−4, −2, 0, 2, 4}². */
export function gridCenters(): Float32Array {
  return Float32Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? -4 + 2 * Math.floor(i / 10) : -4 + 2 * (Math.floor(i / 2) % 5)));
}

/** Checks a name, with a one-line error listing the known sets. */
export function assertSynthetic2dName(name: string): asserts name is Synthetic2dName {
  if (!(SYNTHETIC_2D_NAMES as readonly string[]).includes(name)) {
    throw new Error(`unknown 2-D dataset '${name}' (expected one of ${SYNTHETIC_2D_NAMES.join(', ')})`);
  }
}

/**
 * Seeded samples of a synthetic 2-D set: the same (name, count, seed, std) always gives the same points.
 * ring-8: a uniformly chosen one of 8 Gaussians on the unit circle; grid-25: one of 25 Gaussians on
 * {−4, −2, 0, 2, 4}²; two-moons: the two interleaved half circles (radius 1, the second shifted by
 * (1, −0.5) and flipped); swiss-roll: t ∈ [1.5π, 4.5π), (t·cos t, t·sin t)/15, within about [−1, 1].
 */
export function sampleSynthetic2d(name: string, options: Synthetic2dOptions): PointDataset {
  assertSynthetic2dName(name);
  const { count, seed } = options;
  const std = options.std ?? SYNTHETIC_2D_DEFAULT_STD[name];
  if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive integer, got ${count}`);
  if (!(std >= 0)) throw new Error(`std must be ≥ 0, got ${std}`);
  const rng = new Rng(seed);
  const points = new Float32Array(count * 2);
  const modes = new Int32Array(count).fill(-1);
  const centers = name === 'ring-8' ? ringCenters() : name === 'grid-25' ? gridCenters() : new Float32Array(0);
  for (let i = 0; i < count; i++) {
    let x: number;
    let y: number;
    if (centers.length > 0) {
      const mode = rng.nextInt(centers.length / 2);
      modes[i] = mode;
      x = centers[2 * mode]!;
      y = centers[2 * mode + 1]!;
    } else if (name === 'two-moons') {
      const angle = rng.nextFloat() * Math.PI;
      const upper = rng.nextFloat() < 0.5;
      x = upper ? Math.cos(angle) : 1 - Math.cos(angle);
      y = upper ? Math.sin(angle) : 0.5 - Math.sin(angle);
    } else {
      const t = 1.5 * Math.PI * (1 + 2 * rng.nextFloat());
      x = (t * Math.cos(t)) / 15;
      y = (t * Math.sin(t)) / 15;
    }
    points[2 * i] = x + std * rng.nextNormal();
    points[2 * i + 1] = y + std * rng.nextNormal();
  }
  return { name, count, points, modes, centers };
}

/** Seed of the held-out 2-D samples: fixed, and never a training seed's stream. */
export const SYNTHETIC_2D_EVAL_SEED = 0x2d2d_e7a1;

/** Training points (seeded by the run) and a fixed held-out set of the same distribution. */
export interface Synthetic2dSplit {
  train: PointDataset;
  eval: PointDataset;
}

/**
 * A 2-D set with a fixed held-out split: the held-out points depend only on (name, evalCount, std),
 * drawn from {@link SYNTHETIC_2D_EVAL_SEED}, so every run evaluates on the same points; the training
 * points come from `seed` (a different stream unless `seed` equals the eval seed, which is refused).
 */
export function synthetic2dSplit(name: string, options: { trainCount: number; evalCount: number; seed: number; std?: number }): Synthetic2dSplit {
  if (options.seed === SYNTHETIC_2D_EVAL_SEED) throw new Error(`seed ${options.seed} is reserved for the held-out points`);
  const std = options.std === undefined ? {} : { std: options.std };
  return {
    train: sampleSynthetic2d(name, { count: options.trainCount, seed: options.seed, ...std }),
    eval: sampleSynthetic2d(name, { count: options.evalCount, seed: SYNTHETIC_2D_EVAL_SEED, ...std }),
  };
}
