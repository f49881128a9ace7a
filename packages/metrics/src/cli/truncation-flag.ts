import { InvalidArgumentError } from 'commander';

/**
 * Smallest threshold accepted: BigGAN's lowest (Brock et al. 2019). Resampling keeps ~3% of standard normal draws
 * there, so a 64-d latent costs ~2,000 draws; far below it sampling would crawl.
 */
export const MIN_EVAL_TRUNCATION = 0.04;

/** Commander parser of `--truncation`: a finite decimal number of at least {@link MIN_EVAL_TRUNCATION}. */
export function truncationThreshold(value: string): number {
  const parsed = /^\s*(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(parsed) || parsed < MIN_EVAL_TRUNCATION) throw new InvalidArgumentError(`must be a number of at least ${MIN_EVAL_TRUNCATION}`);
  return parsed;
}
