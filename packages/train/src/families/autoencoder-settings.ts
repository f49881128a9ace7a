import type { LikelihoodName } from '../trainers/likelihoods.js';
import type { TrainerOptions } from '../trainers/trainer-options.js';

/** The shape of an autoencoder or VAE run: what `--latent`, `--likelihood` and `--beta` chose, defaults filled in. */
export interface AutoencoderSettings {
  latent: number;
  likelihood: LikelihoodName;
  /** KL weight; 1 for a plain VAE, absent in meaning for deterministic autoencoders. */
  beta: number;
}

/** Defaults of the `autoencoder` and `vae` families. */
export const AUTOENCODER_DEFAULTS: AutoencoderSettings = { latent: 16, likelihood: 'bernoulli', beta: 1 };

/** The run's settings with the family defaults for those not given. */
export function autoencoderSettings(options: TrainerOptions = {}): AutoencoderSettings {
  return {
    latent: options.latent ?? AUTOENCODER_DEFAULTS.latent,
    likelihood: options.likelihood ?? AUTOENCODER_DEFAULTS.likelihood,
    beta: options.beta ?? AUTOENCODER_DEFAULTS.beta,
  };
}
