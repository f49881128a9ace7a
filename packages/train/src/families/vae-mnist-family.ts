import { buildVaeMnistDecoder, buildVaeMnistEncoder, VAE_MNIST_LATENT } from '../models/vae-mnist.js';
import { createOptimizer } from '../trainers/create-optimizer.js';
import { VaeTrainer } from '../trainers/vae-trainer.js';
import type { TrainingFamily } from './training-family.js';
import { vaeSession } from './vae-session.js';

/** Convolutional VAE on 28×28 digits, 16-d latent, Bernoulli likelihood, Adam(1e-3). */
export const vaeMnistFamily: TrainingFamily = {
  name: 'vae-mnist',
  description: 'VAE, 16-d latent, Bernoulli decoder, 28×28×1 output in [0, 1]',
  datasets: ['mnist', 'fashion-mnist'],
  pixelRange: 'zero-one',
  acceptsImageFolders: true,
  createSession({ seed, models, trainer: options = {} }) {
    const encoder = models?.encoder ?? buildVaeMnistEncoder({ seed });
    const generator = models?.generator ?? buildVaeMnistDecoder({ seed });
    const optimizers = { vae: createOptimizer(options, { learningRate: 1e-3 }) };
    const trainer = new VaeTrainer({ encoder, decoder: generator, latentDim: VAE_MNIST_LATENT, optimizer: optimizers.vae });
    return vaeSession(encoder, generator, trainer, optimizers);
  },
};
