import type { DensityData } from './density-data.js';
import { fitGaussianMixture } from './em.js';
import { mixtureLogDensity, type CovarianceType, type GaussianMixture } from './gaussian-mixture.js';
import { bandwidthGrid, kdeMixture, selectBandwidth, type BandwidthCurve } from './kde.js';
import { selectGaussianMixture, type MixtureCandidate, type SelectionCriterion } from './model-selection.js';
import { mean } from './points.js';

/** The two density families. */
export const DENSITY_FAMILIES = ['kde', 'gmm'] as const;
export type DensityFamily = (typeof DENSITY_FAMILIES)[number];

/** How a KDE's bandwidth was chosen. */
export interface KdeSelection {
  family: 'kde';
  curve: BandwidthCurve;
}

/** How a mixture's covariance type and component count were chosen. */
export interface GmmSelection {
  family: 'gmm';
  criterion: SelectionCriterion;
  candidates: MixtureCandidate[];
  chosen: MixtureCandidate;
  bestByHeldOut: MixtureCandidate;
  bestByBic: MixtureCandidate;
  /** EM of the final refit on all training points. */
  finalIterations: number;
  finalConverged: boolean;
  regularization: number;
  tolerance: number;
  maxIterations: number;
}

/** A fitted density model and the figures of its fit. */
export interface FittedDensityModel {
  family: DensityFamily;
  mixture: GaussianMixture;
  data: DensityData;
  selection: KdeSelection | GmmSelection;
  /** Mean log-likelihood per point (nats) of the training and held-out points under the final model. */
  trainLogLikelihood: number;
  heldOutLogLikelihood: number;
  seconds: number;
  seed: number;
}

/**
 * Fits a Gaussian KDE: the bandwidth with the best validation log-likelihood over a geometric grid
 * (kernels on the fitting points), then the final KDE on all training points with that bandwidth.
 */
export function fitKde(data: DensityData, options: { seed: number; bandwidths?: readonly number[]; log?: (line: string) => void }): FittedDensityModel {
  const started = performance.now();
  const curve = selectBandwidth(data.fit, data.validation, options.bandwidths ?? bandwidthGrid(data.fit));
  options.log?.(`bandwidth ${curve.bandwidth.toPrecision(4)} (Scott's rule ${curve.scott.toPrecision(4)}): validation log-likelihood ${Math.max(...curve.heldOutLogLikelihood).toFixed(3)} nats/point`);
  const mixture = kdeMixture(data.train, curve.bandwidth);
  // Leave-one-out would be fairer for the training figure; the plain one shows how much a KDE overfits.
  const sample = { rows: Math.min(1000, data.train.rows), cols: data.train.cols, data: data.train.data.subarray(0, Math.min(1000, data.train.rows) * data.train.cols) };
  return {
    family: 'kde',
    mixture,
    data,
    selection: { family: 'kde', curve },
    trainLogLikelihood: mean(mixtureLogDensity(mixture, sample)),
    heldOutLogLikelihood: mean(mixtureLogDensity(mixture, data.heldOut)),
    seconds: (performance.now() - started) / 1000,
    seed: options.seed,
  };
}

/** Options of {@link fitGmm}. */
export interface GmmFitOptions {
  seed: number;
  covarianceTypes: readonly CovarianceType[];
  componentCounts: readonly number[];
  criterion: SelectionCriterion;
  regularization?: number;
  /** EM stops when the mean log-likelihood per point improves by less than this (nats). */
  tolerance?: number;
  maxIterations?: number;
  log?: (line: string) => void;
}

/**
 * Fits Gaussian mixtures by EM for every covariance type and component count on the fitting points,
 * scores them by validation log-likelihood and BIC, and refits the chosen one on all training points.
 */
export function fitGmm(data: DensityData, options: GmmFitOptions): FittedDensityModel {
  const started = performance.now();
  const regularization = options.regularization ?? 1e-6;
  const common = {
    seed: options.seed,
    regularization,
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
    ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
  };
  const selection = selectGaussianMixture(data.fit, data.validation, {
    covarianceTypes: options.covarianceTypes,
    componentCounts: options.componentCounts,
    criterion: options.criterion,
    ...common,
    ...(options.log ? { log: options.log } : {}),
  });
  const { chosen } = selection;
  options.log?.(`chosen by ${options.criterion}: ${chosen.covarianceType} K=${chosen.components}; refitting on all ${data.train.rows} training points`);
  const final = fitGaussianMixture(data.train, { components: chosen.components, covarianceType: chosen.covarianceType, ...common });
  return {
    family: 'gmm',
    mixture: final.mixture,
    data,
    selection: {
      family: 'gmm',
      criterion: selection.criterion,
      candidates: selection.candidates,
      chosen,
      bestByHeldOut: selection.bestByHeldOut,
      bestByBic: selection.bestByBic,
      finalIterations: final.iterations,
      finalConverged: final.converged,
      regularization,
      tolerance: options.tolerance ?? 1e-4,
      maxIterations: options.maxIterations ?? 300,
    },
    trainLogLikelihood: final.trainLogLikelihood,
    heldOutLogLikelihood: mean(mixtureLogDensity(final.mixture, data.heldOut)),
    seconds: (performance.now() - started) / 1000,
    seed: options.seed,
  };
}
