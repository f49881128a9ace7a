import { assertSameWidth, rowSquaredNorms, sliceRows, transpose, type FeatureMatrix } from '../features/feature-matrix.js';
import type { DotProductEngine } from './dot-product-engine.js';

/** Largest block of the distance matrix held at once (floats): 16 Mi = 64 MiB. */
const BLOCK_VALUES = 1 << 24;

/** One block of squared Euclidean distances: rows `start…start+rows` of the query set against the whole base set. */
export interface DistanceBlock {
  start: number;
  rows: number;
  /** Row-major `[rows, base.rows]`, clamped at 0 (the expansion ‖a‖² + ‖b‖² − 2a·b can round below it). */
  squared: Float32Array;
}

/**
 * Streams the squared distances between every row of `query` and every row of `base`, a block of
 * query rows at a time, so 10,000 × 68,000 never sits in memory whole.
 */
export async function forEachDistanceBlock(
  engine: DotProductEngine,
  query: FeatureMatrix,
  base: FeatureMatrix,
  visit: (block: DistanceBlock) => void,
): Promise<void> {
  assertSameWidth(query, base, 'pairwise distances');
  const baseT = transpose(base);
  const queryNorms = rowSquaredNorms(query);
  const baseNorms = rowSquaredNorms(base);
  const blockRows = Math.max(1, Math.floor(BLOCK_VALUES / Math.max(1, base.rows)));
  for (let start = 0; start < query.rows; start += blockRows) {
    const rows = Math.min(blockRows, query.rows - start);
    const dots = await engine.multiply(sliceRows(query, start, start + rows), baseT);
    for (let i = 0; i < rows; i++) {
      const qi = queryNorms[start + i]!;
      const offset = i * base.rows;
      for (let j = 0; j < base.rows; j++) {
        const value = qi + baseNorms[j]! - 2 * dots[offset + j]!;
        dots[offset + j] = value > 0 ? value : 0;
      }
    }
    visit({ start, rows, squared: dots });
  }
}

/** Nearest row of `base` for every row of `query`: its index and Euclidean distance. */
export async function nearestNeighbours(
  engine: DotProductEngine,
  query: FeatureMatrix,
  base: FeatureMatrix,
): Promise<{ index: Int32Array; distance: Float64Array }> {
  const index = new Int32Array(query.rows);
  const distance = new Float64Array(query.rows);
  await forEachDistanceBlock(engine, query, base, ({ start, rows, squared }) => {
    for (let i = 0; i < rows; i++) {
      let best = Infinity;
      let at = -1;
      const offset = i * base.rows;
      for (let j = 0; j < base.rows; j++) {
        const value = squared[offset + j]!;
        if (value < best) {
          best = value;
          at = j;
        }
      }
      index[start + i] = at;
      distance[start + i] = Math.sqrt(best);
    }
  });
  return { index, distance };
}

/**
 * Distance from each row of `points` to its k-th nearest other row (the row itself excluded once),
 * for every k in `ks`: the radii of the k-NN manifold estimate.
 */
export async function kthNeighbourRadii(engine: DotProductEngine, points: FeatureMatrix, ks: readonly number[]): Promise<Map<number, Float64Array>> {
  const kMax = Math.max(...ks);
  if (points.rows <= kMax) throw new RangeError(`k-NN radii with k = ${kMax} need more than ${kMax} points, got ${points.rows}`);
  const radii = new Map(ks.map((k) => [k, new Float64Array(points.rows)]));
  const keep = kMax + 1; // the point itself is its own nearest neighbour
  const smallest = new Float64Array(keep);
  await forEachDistanceBlock(engine, points, points, ({ start, rows, squared }) => {
    for (let i = 0; i < rows; i++) {
      smallest.fill(Infinity);
      const offset = i * points.rows;
      for (let j = 0; j < points.rows; j++) {
        const value = squared[offset + j]!;
        if (value >= smallest[keep - 1]!) continue;
        let slot = keep - 1;
        while (slot > 0 && smallest[slot - 1]! > value) {
          smallest[slot] = smallest[slot - 1]!;
          slot--;
        }
        smallest[slot] = value;
      }
      for (const k of ks) radii.get(k)![start + i] = Math.sqrt(smallest[k]!);
    }
  });
  return radii;
}
