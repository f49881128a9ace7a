import { fitGaussianMixture, type EmResult } from './em.js';
import { mixtureLogDensity, parameterCount, type CovarianceType } from './gaussian-mixture.js';
import { mean, type Points } from './points.js';

/** How the final mixture is chosen among the candidates. */
export type SelectionCriterion = 'held-out' | 'bic';

/** One fitted (covariance type, K) pair and its scores. */
export interface MixtureCandidate {
  covarianceType: CovarianceType;
  components: number;
  parameters: number;
  /** Mean log-likelihood per point (nats). */
  trainLogLikelihood: number;
  heldOutLogLikelihood: number;
  /** Bayesian information criterion on the training points: −2·log L + p·log n (lower is better). */
  bic: number;
  iterations: number;
  converged: boolean;
  seconds: number;
}

/** Options of {@link selectGaussianMixture}. */
export interface SelectionOptions {
  covarianceTypes: readonly CovarianceType[];
  componentCounts: readonly number[];
  criterion: SelectionCriterion;
  seed?: number;
  regularization?: number;
  tolerance?: number;
  maxIterations?: number;
  log?: (line: string) => void;
}

/** Every candidate's scores and the chosen fit. */
export interface MixtureSelection {
  candidates: MixtureCandidate[];
  criterion: SelectionCriterion;
  chosen: MixtureCandidate;
  fit: EmResult;
  /** The best candidate by the other criterion, for the card. */
  bestByHeldOut: MixtureCandidate;
  bestByBic: MixtureCandidate;
}

/**
 * Fits a mixture for every covariance type and component count (EM, seeded) and keeps the one with
 * the highest held-out log-likelihood or the lowest BIC.
 */
export function selectGaussianMixture(train: Points, heldOut: Points, options: SelectionOptions): MixtureSelection {
  if (options.covarianceTypes.length === 0 || options.componentCounts.length === 0) throw new Error('model selection needs at least one covariance type and one component count');
  const candidates: MixtureCandidate[] = [];
  const fits: EmResult[] = [];
  for (const covarianceType of options.covarianceTypes) {
    for (const components of options.componentCounts) {
      const started = performance.now();
      const fit = fitGaussianMixture(train, {
        components,
        covarianceType,
        seed: options.seed ?? 0,
        ...(options.regularization === undefined ? {} : { regularization: options.regularization }),
        ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
        ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
      });
      const parameters = parameterCount(covarianceType, components, train.cols);
      const candidate: MixtureCandidate = {
        covarianceType,
        components,
        parameters,
        trainLogLikelihood: fit.trainLogLikelihood,
        heldOutLogLikelihood: mean(mixtureLogDensity(fit.mixture, heldOut)),
        bic: -2 * fit.trainLogLikelihood * train.rows + parameters * Math.log(train.rows),
        iterations: fit.iterations,
        converged: fit.converged,
        seconds: (performance.now() - started) / 1000,
      };
      options.log?.(
        `${covarianceType} K=${components}: train ${candidate.trainLogLikelihood.toFixed(3)}, held-out ${candidate.heldOutLogLikelihood.toFixed(3)} nats/point, BIC ${candidate.bic.toFixed(0)} (${candidate.iterations} EM iterations, ${candidate.seconds.toFixed(1)} s)`,
      );
      candidates.push(candidate);
      fits.push(fit);
    }
  }
  const argBest = (score: (c: MixtureCandidate) => number): number => candidates.reduce((best, c, i) => (score(c) > score(candidates[best]!) ? i : best), 0);
  const heldOutIndex = argBest((c) => c.heldOutLogLikelihood);
  const bicIndex = argBest((c) => -c.bic);
  const chosenIndex = options.criterion === 'bic' ? bicIndex : heldOutIndex;
  return {
    candidates,
    criterion: options.criterion,
    chosen: candidates[chosenIndex]!,
    fit: fits[chosenIndex]!,
    bestByHeldOut: candidates[heldOutIndex]!,
    bestByBic: candidates[bicIndex]!,
  };
}
