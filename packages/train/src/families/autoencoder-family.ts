import * as tf from '@tensorflow/tfjs';
import { imagesTensor } from '../data/split.js';
import { buildMlpDecoder, buildMlpEncoder } from '../models/mlp-autoencoder.js';
import { AutoencoderTrainer } from '../trainers/autoencoder-trainer.js';
import { createOptimizer } from '../trainers/create-optimizer.js';
import { likelihoodNll } from '../trainers/likelihoods.js';
import { OPTIMIZER_OPTIONS } from '../trainers/trainer-options.js';
import { autoencoderSettings } from './autoencoder-settings.js';
import type { TrainingFamily } from './training-family.js';

/**
 * Plain deterministic MLP autoencoder, Adam(1e-3): the encoder outputs a code (role `mean`), the decoder
 * reconstructs. `--latent` sets the code size (default 16); `--likelihood bernoulli` trains with binary
 * cross-entropy, `gaussian` with squared error. Nothing shapes the codes, so decoding z ~ N(0, I) is a poor
 * generator: the run's sample grids show exactly that.
 */
export const autoencoderFamily: TrainingFamily = {
  name: 'autoencoder',
  description: 'MLP autoencoder (784 → 512 → 256 → z and back), --latent d, --likelihood bernoulli (BCE) | gaussian (MSE); 28×28×1 output in [0, 1]',
  datasets: ['mnist', 'fashion-mnist'],
  pixelRange: 'zero-one',
  acceptsImageFolders: true,
  trainerOptions: [...OPTIMIZER_OPTIONS, 'latent', 'likelihood'],
  createSession({ seed, models, trainer: options = {} }) {
    const settings = autoencoderSettings(options);
    const encoder = models?.encoder ?? buildMlpEncoder({ latent: settings.latent, seed }, false);
    const generator = models?.generator ?? buildMlpDecoder({ latent: settings.latent, seed });
    const optimizers = { autoencoder: createOptimizer(options, { learningRate: 1e-3 }) };
    const trainer = new AutoencoderTrainer({ encoder, decoder: generator, optimizer: optimizers.autoencoder, reconstructionLoss: likelihoodNll(settings.likelihood) });
    return {
      models: { generator, encoder },
      optimizers,
      batchesPerStep: 1,
      step(sampler, firstBatch) {
        return { loss: trainer.step(sampler.batch(firstBatch, 'zero-one')) };
      },
      sample: (n, rng) => tf.tidy(() => trainer.sample(tf.tensor2d(rng.normals(n * settings.latent), [n, settings.latent]))),
      evaluate(dataset, indices) {
        const scores = trainer.evaluate((start, end) => imagesTensor(dataset, indices.subarray(start, end), 'zero-one'), indices.length);
        return { heldOutReconstructionLoss: scores.loss, heldOutMse: scores.mse };
      },
      reconstruct: (images) => trainer.reconstruct(images),
      trained: () => ({ generator, encoder }),
    };
  },
};
