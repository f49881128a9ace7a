import { POINT_DATASETS } from '@genzoo/metrics';

/** Names of the 2-D training sets whose true distribution the gallery can draw from. */
export const POINT_DATASET_NAMES: readonly string[] = Object.keys(POINT_DATASETS);

export interface RealPoints {
  dataset: string;
  /** `n` rows of `[x, y]`. */
  points: number[][];
  /** Mode centres `[x, y]` and their noise std, for sets made of modes (ring, grid). */
  centres?: (readonly [number, number])[];
  std?: number;
}

/** `n` seeded points of a 2-D training set's true distribution (the one `genzoo eval` holds models to). */
export function realPoints(name: string, n: number, seed: number): RealPoints {
  const distribution = POINT_DATASETS[name];
  if (!distribution) throw new Error(`unknown 2-D dataset "${name}"`);
  const { data } = distribution.sample(n, seed);
  const points = Array.from({ length: n }, (_, row) => [data[2 * row]!, data[2 * row + 1]!]);
  const modes = distribution.modes;
  return { dataset: name, points, ...(modes && { centres: [...modes.centres], std: modes.std }) };
}
