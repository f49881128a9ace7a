import type { DotProductEngine } from '../compute/dot-product-engine.js';
import { forEachDistanceBlock, kthNeighbourRadii } from '../compute/pairwise.js';
import { assertSameWidth, type FeatureMatrix } from '../features/feature-matrix.js';

/** Neighbour counts of the k-NN manifold estimates. */
export interface ManifoldOptions {
  /** k of precision and recall; 3 in Kynkäänniemi et al. (2019). */
  kPrecisionRecall?: number;
  /** k of density and coverage; 5 in Naeem et al. (2020). */
  kDensityCoverage?: number;
}

export interface ManifoldScores {
  /** Share of generated samples inside the real k-NN manifold (fidelity). */
  precision: number;
  /** Share of real samples inside the generated k-NN manifold (diversity). */
  recall: number;
  /** Average number of real k-NN balls containing a generated sample, divided by k (≈ 1 for matching distributions; can exceed 1). */
  density: number;
  /** Share of real samples whose k-NN ball contains at least one generated sample. */
  coverage: number;
}

/**
 * Improved precision and recall (Kynkäänniemi et al., 2019) and density and coverage (Naeem et al., 2020)
 * from k-nearest-neighbour balls in feature space: one pass over real×real, generated×generated
 * and generated×real distances.
 */
export async function manifoldScores(
  engine: DotProductEngine,
  real: FeatureMatrix,
  generated: FeatureMatrix,
  options: ManifoldOptions = {},
): Promise<ManifoldScores> {
  assertSameWidth(real, generated, 'precision/recall');
  const kPr = options.kPrecisionRecall ?? 3;
  const kDc = options.kDensityCoverage ?? 5;
  const realRadii = await kthNeighbourRadii(engine, real, [kPr, kDc]);
  const fakeRadii = (await kthNeighbourRadii(engine, generated, [kPr])).get(kPr)!;
  const realPr = squares(realRadii.get(kPr)!);
  const realDc = squares(realRadii.get(kDc)!);
  const fakePr = squares(fakeRadii);

  let precise = 0;
  let densityCount = 0;
  const recalled = new Uint8Array(real.rows);
  const nearestFake = new Float64Array(real.rows).fill(Infinity);
  await forEachDistanceBlock(engine, generated, real, ({ start, rows, squared }) => {
    for (let i = 0; i < rows; i++) {
      const fakeRadius = fakePr[start + i]!;
      const offset = i * real.rows;
      let inside = false;
      for (let j = 0; j < real.rows; j++) {
        const d = squared[offset + j]!;
        if (d <= realPr[j]!) inside = true;
        if (d <= realDc[j]!) densityCount++;
        if (d <= fakeRadius) recalled[j] = 1;
        if (d < nearestFake[j]!) nearestFake[j] = d;
      }
      if (inside) precise++;
    }
  });
  let recall = 0;
  let covered = 0;
  for (let j = 0; j < real.rows; j++) {
    recall += recalled[j]!;
    if (nearestFake[j]! < realDc[j]!) covered++;
  }
  return {
    precision: precise / generated.rows,
    recall: recall / real.rows,
    density: densityCount / (kDc * generated.rows),
    coverage: covered / real.rows,
  };
}

function squares(values: Float64Array): Float64Array {
  return values.map((value) => value * value);
}
