import type * as tf from '@tensorflow/tfjs';
import { buildCganConcatDiscriminator } from '../models/cgan-concat-discriminator.js';
import { buildCganGenerator, CGAN_CLASSES, CGAN_LATENT } from '../models/cgan-generator.js';
import { buildCganProjectionDiscriminator } from '../models/cgan-projection-discriminator.js';
import { adversarialSettings } from '../trainers/adversarial-settings.js';
import { createOptimizer } from '../trainers/create-optimizer.js';
import { ADVERSARIAL_OPTIONS, type DiscriminatorKind, OPTIMIZER_OPTIONS } from '../trainers/trainer-options.js';
import { emaGanSession } from './ema-gan-session.js';
import type { TrainingFamily } from './training-family.js';

/** Decay of the generator's weight average: ~200 steps of memory, so a run of ~1,000 steps forgets its random start (0.999 would still weigh it at 0.999¹²⁰⁰ ≈ 0.3 after 1,200 steps). */
export const CGAN_EMA_DECAY = 0.995;
/** The discriminator a run gets without `--discriminator`. */
export const CGAN_DEFAULT_DISCRIMINATOR: DiscriminatorKind = 'concat';

const DISCRIMINATORS: Record<DiscriminatorKind, (options: { seed: number }) => tf.LayersModel> = {
  concat: buildCganConcatDiscriminator,
  projection: buildCganProjectionDiscriminator,
};

/**
 * Class-conditional DCGAN on 28×28 images with their dataset labels: G takes z and the one-hot class, D the image
 * and the class, either as extra input channels (`--discriminator concat`) or through a projection term
 * (`--discriminator projection`). Adam(2e-4, β1 0.5), non-saturating loss by default; samples and the shipped
 * generator come from an exponential moving average of the generator's weights.
 */
export const cganFamily: TrainingFamily = {
  name: 'cgan',
  description: 'conditional DCGAN, 64-d latent + one-hot class, concat or projection discriminator, 28×28×1 output in [-1, 1]',
  datasets: ['mnist', 'fashion-mnist'],
  pixelRange: 'minus-one-one',
  adversarial: true,
  // No spectrally normalized variant of either conditional discriminator exists.
  trainerOptions: [...ADVERSARIAL_OPTIONS.filter((name) => name !== 'spectralNorm'), ...OPTIMIZER_OPTIONS, 'emaDecay', 'discriminator'],
  createSession({ seed, batchSize, models, loss: lossName, trainer: options = {} }) {
    const generator = models?.generator ?? buildCganGenerator({ seed });
    const discriminator = models?.discriminator ?? DISCRIMINATORS[options.discriminator ?? CGAN_DEFAULT_DISCRIMINATOR]({ seed });
    const optimizerDefaults = { learningRate: 2e-4, beta1: 0.5 };
    return emaGanSession({
      trainer: {
        generator,
        discriminator,
        latentDim: CGAN_LATENT,
        classes: CGAN_CLASSES,
        generatorOptimizer: createOptimizer(options, optimizerDefaults),
        discriminatorOptimizer: createOptimizer(options, optimizerDefaults),
        batchSize,
        ...adversarialSettings(options, options.loss ?? lossName, 'd_lrelu2'),
      },
      buildGenerator: () => buildCganGenerator({ seed }),
      generatorEma: models?.generatorEma,
      emaDecay: options.emaDecay ?? CGAN_EMA_DECAY,
    });
  },
};
