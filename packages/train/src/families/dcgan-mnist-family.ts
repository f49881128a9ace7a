import { buildDcganMnistDiscriminator, buildDcganMnistGenerator, DCGAN_MNIST_LATENT } from '../models/dcgan-mnist.js';
import { buildDcganMnistSnDiscriminator } from '../models/dcgan-mnist-sn.js';
import { adversarialSettings } from '../trainers/adversarial-settings.js';
import { createOptimizer } from '../trainers/create-optimizer.js';
import { ADVERSARIAL_OPTIONS, OPTIMIZER_OPTIONS } from '../trainers/trainer-options.js';
import { emaGanSession } from './ema-gan-session.js';
import type { TrainingFamily } from './training-family.js';

/** Decay of the generator's weight average; ~1,000 steps of memory. */
export const DCGAN_EMA_DECAY = 0.999;

/**
 * DCGAN on 28×28 digits: Adam(2e-4, β1 0.5) for both nets, one D step per G step. Samples and the
 * shipped generator come from an exponential moving average of the generator's weights.
 * Every trainer option applies (`--spectral-norm` swaps in the spectrally normalized discriminator;
 * `--feature-matching` matches the second LeakyReLU's activations).
 */
export const dcganMnistFamily: TrainingFamily = {
  name: 'dcgan-mnist',
  description: 'DCGAN, 64-d latent, 28×28×1 output in [-1, 1]',
  datasets: ['mnist', 'fashion-mnist'],
  pixelRange: 'minus-one-one',
  adversarial: true,
  acceptsImageFolders: true,
  trainerOptions: [...ADVERSARIAL_OPTIONS, ...OPTIMIZER_OPTIONS, 'emaDecay'],
  createSession({ seed, batchSize, models, loss: lossName, trainer: options = {} }) {
    const generator = models?.generator ?? buildDcganMnistGenerator({ seed });
    const discriminator =
      models?.discriminator ?? (options.spectralNorm === true ? buildDcganMnistSnDiscriminator({ seed }) : buildDcganMnistDiscriminator({ seed }));
    const optimizerDefaults = { learningRate: 2e-4, beta1: 0.5 };
    return emaGanSession({
      trainer: {
        generator,
        discriminator,
        latentDim: DCGAN_MNIST_LATENT,
        generatorOptimizer: createOptimizer(options, optimizerDefaults),
        discriminatorOptimizer: createOptimizer(options, optimizerDefaults),
        batchSize,
        ...adversarialSettings(options, options.loss ?? lossName, 'd_lrelu2'),
      },
      buildGenerator: () => buildDcganMnistGenerator({ seed }),
      generatorEma: models?.generatorEma,
      emaDecay: options.emaDecay ?? DCGAN_EMA_DECAY,
    });
  },
};
