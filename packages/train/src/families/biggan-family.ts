import { BIGGAN_CLASSES, BIGGAN_LATENT, buildBigganDiscriminator, buildBigganGenerator } from '../models/biggan-mini.js';
import { adversarialSettings } from '../trainers/adversarial-settings.js';
import { createOptimizer } from '../trainers/create-optimizer.js';
import { ADVERSARIAL_OPTIONS, OPTIMIZER_OPTIONS } from '../trainers/trainer-options.js';
import { emaGanSession } from './ema-gan-session.js';
import type { TrainingFamily } from './training-family.js';

/** Adversarial loss of a run that names none. */
export const BIGGAN_DEFAULT_LOSS = 'hinge';
/**
 * Decay of the generator's weight average: ~200 steps of memory. Shorter than the DCGAN's 0.999 because a run is
 * only ~2,000 steps long, and with 0.999 a fifth of the initial weights would still be in the shipped average.
 */
export const BIGGAN_EMA_DECAY = 0.995;
/**
 * Adam's learning rate for both networks. BigGAN's two time-scale rule (D 4× G, from 1e-4) left the spectrally
 * normalized D ahead and G's samples grey noise for the first few hundred steps at this scale.
 */
export const BIGGAN_LEARNING_RATE = 4e-4;
/** Adam's β1 for both networks: DCGAN's 0.5 (BigGAN's 0 moved G more slowly here); β2 stays at tfjs's 0.999. */
export const BIGGAN_BETA1 = 0.5;

/**
 * The BigGAN ingredients at MNIST scale: hinge loss, spectrally normalized projection discriminator, self-attention
 * in both networks, class-conditional batch norm in G, Adam(4e-4 for both, β1 0.5), one D step per G step, and
 * an exponential moving average of G's weights for samples and the shipped generator. `--lr` sets both rates.
 */
export const bigganFamily: TrainingFamily = {
  name: 'biggan',
  description: 'BigGAN-style conditional GAN (hinge, SN, self-attention, conditional BN), 64-d latent + one-hot class, 28×28×1 output in [-1, 1]',
  datasets: ['mnist', 'fashion-mnist'],
  pixelRange: 'minus-one-one',
  adversarial: true,
  // The discriminator is always spectrally normalized.
  trainerOptions: [...ADVERSARIAL_OPTIONS.filter((name) => name !== 'spectralNorm'), ...OPTIMIZER_OPTIONS, 'emaDecay'],
  createSession({ seed, batchSize, models, loss: lossName, trainer: options = {} }) {
    const generator = models?.generator ?? buildBigganGenerator({ seed });
    const discriminator = models?.discriminator ?? buildBigganDiscriminator({ seed });
    const learningRate = options.learningRate ?? BIGGAN_LEARNING_RATE;
    const defaults = { learningRate, beta1: BIGGAN_BETA1 };
    return emaGanSession({
      trainer: {
        generator,
        discriminator,
        latentDim: BIGGAN_LATENT,
        classes: BIGGAN_CLASSES,
        generatorOptimizer: createOptimizer(options, defaults),
        discriminatorOptimizer: createOptimizer(options, defaults),
        batchSize,
        ...adversarialSettings(options, options.loss ?? lossName ?? BIGGAN_DEFAULT_LOSS, 'd_lrelu2'),
      },
      buildGenerator: () => buildBigganGenerator({ seed }),
      generatorEma: models?.generatorEma,
      emaDecay: options.emaDecay ?? BIGGAN_EMA_DECAY,
    });
  },
};
