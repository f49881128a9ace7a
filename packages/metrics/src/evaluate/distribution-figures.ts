import { createRng } from '@genzoo/core';
import type { DotProductEngine } from '../compute/dot-product-engine.js';
import type { Extracted } from '../extractor/feature-extractor.js';
import { selectRows, sliceRows, type FeatureMatrix } from '../features/feature-matrix.js';
import { fid } from '../metrics/fid.js';
import { inceptionScore } from '../metrics/inception-score.js';
import { kid } from '../metrics/kid.js';
import { manifoldScores } from '../metrics/manifold.js';
import { PROTOCOL } from './protocol.js';

/** The distribution figures of one set of samples against the training set. */
export interface DistributionFigures {
  fid: number;
  kid: number;
  kidStd: number;
  inceptionScore: number;
  inceptionScoreStd: number;
  precision: number;
  recall: number;
  density: number;
  coverage: number;
}

/** `size` training rows drawn without replacement from `seed`: the real side of precision/recall. */
function trainSubset(train: FeatureMatrix, size: number, seed: number): FeatureMatrix {
  const rng = createRng(seed);
  const order = Int32Array.from({ length: train.rows }, (_, index) => index);
  for (let i = 0; i < size; i++) {
    const j = i + rng.integer(train.rows - i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return selectRows(train, order.subarray(0, size));
}

/**
 * FID (against all training features), KID (subsets of both), classifier Inception Score, and
 * precision/recall/density/coverage (the first `manifoldSamples` samples against as many training
 * images drawn from `seed`), all under {@link PROTOCOL}.
 */
export async function distributionFigures(
  engine: DotProductEngine,
  samples: Extracted,
  train: FeatureMatrix,
  options: { seed: number; manifoldSamples: number },
): Promise<DistributionFigures> {
  const kidResult = await kid(engine, samples.features, train, { subsets: PROTOCOL.kidSubsets, subsetSize: PROTOCOL.kidSubsetSize, seed: options.seed });
  const score = inceptionScore(samples.logits, PROTOCOL.inceptionScoreSplits);
  const size = Math.min(options.manifoldSamples, samples.features.rows, train.rows);
  const manifold = await manifoldScores(engine, trainSubset(train, size, options.seed ^ 0x5eed), sliceRows(samples.features, 0, size), {
    kPrecisionRecall: PROTOCOL.kPrecisionRecall,
    kDensityCoverage: PROTOCOL.kDensityCoverage,
  });
  return {
    fid: fid(samples.features, train),
    kid: kidResult.mean,
    kidStd: kidResult.std,
    inceptionScore: score.mean,
    inceptionScoreStd: score.std,
    ...manifold,
  };
}
