export { featureMatrix, selectRows, sliceRows, transpose, rowSquaredNorms, type FeatureMatrix } from './features/feature-matrix.js';
export { sqrtPsd, traceSqrtProduct, symmetricEigen, trace, type SymmetricMatrix } from './linalg/symmetric.js';
export { fitGaussian, type GaussianFit } from './linalg/gaussian-fit.js';
export { JsDotProductEngine, type DotProductEngine } from './compute/dot-product-engine.js';
export { OrtDotProductEngine } from './compute/ort-dot-product-engine.js';
export { matmulModel } from './compute/matmul-onnx.js';
export { forEachDistanceBlock, nearestNeighbours, kthNeighbourRadii, type DistanceBlock } from './compute/pairwise.js';
export { fid, frechetDistance } from './metrics/fid.js';
export { kid, unbiasedMmd2, type KidOptions, type KidResult } from './metrics/kid.js';
export { inceptionScore, softmaxRows, type InceptionScore } from './metrics/inception-score.js';
export { manifoldScores, type ManifoldOptions, type ManifoldScores } from './metrics/manifold.js';
export { memorization, closestPairs, quantile, type MemorizationReport } from './metrics/memorization.js';
export { RING_8, GRID_25, SYNTHETIC_SAMPLES, sampleMixture, type Mixture2d } from './synthetic/mixtures.js';
export { modeMetrics, type ModeMetrics } from './synthetic/mode-metrics.js';
export { POINT_DATASETS, type PointDistribution } from './evaluate/point-protocol.js';
export { loadReferenceDataset, referenceSplit, datasetCacheFolder, REFERENCE_DATASETS, type ReferenceDataset, type ReferenceSplit } from './data/reference-dataset.js';
export { splitPermutation } from './data/split-permutation.js';
export {
  sobelEdges, maskCorner, maskSquares, thicken, disjointHalves, withClasses, subsetImages,
  EDGE_THRESHOLD, MASK_SIZE, MASK_JITTER, THICKEN_WINDOW, DOMAIN_SPLIT_SEED, type ImageBytes,
} from './data/translation-pairs.js';
export {
  translationTaskOf, taskSettings, pairedSources, domainIndices, domainImages, hasCounterparts, expectedClasses,
  type TranslationTask, type DomainSpec, type LabelledImages,
} from './data/translation-task.js';
export { ssim, imageSimilarity, gaussianTaps, SSIM_WINDOW, MAX_PSNR, type ImageSimilarity, type SsimOptions } from './metrics/image-similarity.js';
export { FeatureExtractor, type Extracted, type ExtractorOptions } from './extractor/feature-extractor.js';
export { extractorFor, EXTRACTORS } from './extractor/extractor-for.js';
export { evaluateModel, noiseImages, type EvaluateOptions, type EvaluationOutcome, type EvaluationGrid, type MemorizationPair } from './evaluate/evaluate-model.js';
export { evaluateTranslatorModel, TRANSLATION_GRID } from './evaluate/evaluate-translator.js';
export { writeEvaluation, MEMORIZATION_GRID } from './evaluate/write-results.js';
export {
  evaluateTruncationCurve,
  measureTruncationCurve,
  TRUNCATION_CURVE_FIGURES,
  TRUNCATION_CURVE_FILES,
  TRUNCATION_CURVE_SAMPLES,
  TRUNCATION_CURVE_THRESHOLDS,
  type TruncationCurve,
  type TruncationCurvePoint,
} from './evaluate/truncation-curve.js';
export { writeTruncationCurve, truncationCurveSection } from './evaluate/write-truncation-curve.js';
export { compareFigures, toleranceOf, type FigureCheck } from './evaluate/check.js';
export { PROTOCOL, MODEL_FIGURES, REFERENCE_FIGURES, REFERENCE_ROWS, PAIRED_FIGURES, CYCLE_FIGURES, TRANSLATION_FIGURES, BASELINE } from './evaluate/protocol.js';
export { buildLeaderboard, type Leaderboard, type LeaderboardRow, type LeaderboardTranslationTable } from './leaderboard/build-leaderboard.js';
export { renderLeaderboardMarkdown } from './leaderboard/render-markdown.js';
export { writeLeaderboard, renderLeaderboard, readManifests, LEADERBOARD_FILES } from './leaderboard/write-leaderboard.js';
