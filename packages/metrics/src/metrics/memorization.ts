import type { DotProductEngine } from '../compute/dot-product-engine.js';
import { nearestNeighbours } from '../compute/pairwise.js';
import type { FeatureMatrix } from '../features/feature-matrix.js';

/** How close generated samples sit to the training set, against how close unseen real data sits. */
export interface MemorizationReport {
  /** For each generated sample: its nearest training image and the feature distance to it. */
  generated: { index: Int32Array; distance: Float64Array };
  /** For each held-out image: the feature distance to its nearest training image. */
  heldOut: Float64Array;
  /** median(generated distances) / median(held-out distances): ≈ 1 is healthy, well below 1 means copies. */
  distanceRatio: number;
  /** Share of generated samples nearer to a training image than 99 % of held-out images are (≈ 0.01 when nothing is copied). */
  nearCopyRate: number;
  /** The 1st percentile of held-out distances: the threshold of {@link nearCopyRate}. */
  nearCopyThreshold: number;
}

/** Value at quantile `q` (0…1) of `values`, by linear interpolation of the sorted values. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return Number.NaN;
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/**
 * Nearest training neighbours in feature space of generated samples and of held-out real images.
 * A model that memorizes puts its samples nearer the training set than fresh real data ever is.
 */
export async function memorization(
  engine: DotProductEngine,
  generated: FeatureMatrix,
  train: FeatureMatrix,
  heldOut: FeatureMatrix,
): Promise<MemorizationReport> {
  const fromGenerated = await nearestNeighbours(engine, generated, train);
  const fromHeldOut = (await nearestNeighbours(engine, heldOut, train)).distance;
  const nearCopyThreshold = quantile(fromHeldOut, 0.01);
  let near = 0;
  for (const distance of fromGenerated.distance) if (distance < nearCopyThreshold) near++;
  return {
    generated: fromGenerated,
    heldOut: fromHeldOut,
    distanceRatio: quantile(fromGenerated.distance, 0.5) / quantile(fromHeldOut, 0.5),
    nearCopyRate: near / generated.rows,
    nearCopyThreshold,
  };
}

/** The `count` generated samples nearest to the training set, nearest first: the ones to look at. */
export function closestPairs(report: MemorizationReport, count: number): { generated: number; train: number; distance: number }[] {
  const order = Array.from(report.generated.distance.keys()).sort((a, b) => report.generated.distance[a]! - report.generated.distance[b]!);
  return order.slice(0, count).map((generated) => ({ generated, train: report.generated.index[generated]!, distance: report.generated.distance[generated]! }));
}
