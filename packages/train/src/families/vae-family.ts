import { buildMlpDecoder, buildMlpEncoder } from '../models/mlp-autoencoder.js';
import { createOptimizer } from '../trainers/create-optimizer.js';
import { likelihoodNll } from '../trainers/likelihoods.js';
import { OPTIMIZER_OPTIONS } from '../trainers/trainer-options.js';
import { VaeTrainer } from '../trainers/vae-trainer.js';
import { autoencoderSettings } from './autoencoder-settings.js';
import type { TrainingFamily } from './training-family.js';
import { vaeSession } from './vae-session.js';

/**
 * MLP variational autoencoder with the reparameterization trick, Adam(1e-3). `--latent` sets the latent size
 * (default 16), `--beta` the KL weight of the training loss (β-VAE; default 1), `--likelihood` the decoder
 * likelihood: `bernoulli` (binary cross-entropy) or `gaussian` (fixed σ = 0.1). Held-out ELBOs use β = 1.
 */
export const vaeFamily: TrainingFamily = {
  name: 'vae',
  description: 'MLP VAE (784 → 512 → 256 → z and back), --latent d, --beta β, --likelihood bernoulli|gaussian; 28×28×1 output in [0, 1]',
  datasets: ['mnist', 'fashion-mnist'],
  pixelRange: 'zero-one',
  acceptsImageFolders: true,
  trainerOptions: [...OPTIMIZER_OPTIONS, 'beta', 'latent', 'likelihood'],
  createSession({ seed, models, trainer: options = {} }) {
    const settings = autoencoderSettings(options);
    const encoder = models?.encoder ?? buildMlpEncoder({ latent: settings.latent, seed }, true);
    const generator = models?.generator ?? buildMlpDecoder({ latent: settings.latent, seed });
    const optimizers = { vae: createOptimizer(options, { learningRate: 1e-3 }) };
    const trainer = new VaeTrainer({
      encoder,
      decoder: generator,
      latentDim: settings.latent,
      optimizer: optimizers.vae,
      beta: settings.beta,
      likelihood: likelihoodNll(settings.likelihood),
    });
    return vaeSession(encoder, generator, trainer, optimizers);
  },
};
