import { buildGanMlpDiscriminator, buildGanMlpGenerator, GAN_MLP_FEATURE_LAYER, GAN_MLP_LATENT } from '../models/gan-mlp.js';
import { adversarialSettings } from '../trainers/adversarial-settings.js';
import { createOptimizer } from '../trainers/create-optimizer.js';
import { ADVERSARIAL_OPTIONS, OPTIMIZER_OPTIONS } from '../trainers/trainer-options.js';
import { emaGanSession } from './ema-gan-session.js';
import type { TrainingFamily } from './training-family.js';

/** Decay of the generator's weight average: ~200 steps of memory, so runs of a few thousand steps forget their random start. */
export const GAN_MLP_EMA_DECAY = 0.995;

/** Adam's settings for both networks (Radford et al.'s DCGAN values). */
export const GAN_MLP_OPTIMIZER = { learningRate: 2e-4, beta1: 0.5 } as const;

/**
 * The fully connected GAN of Goodfellow et al. 2014 on 28×28 images, the testbed for losses (`--loss minimax`,
 * `non-saturating`, the f-GAN divergences) and training tricks (`--label-smoothing`, `--instance-noise`,
 * `--feature-matching` on `d_lrelu2`, `--minibatch-discrimination`, `--spectral-norm`, …). Adam(2e-4, β1 0.5), one D step per G step;
 * samples and the shipped generator come from an exponential moving average of G's weights. Every step also
 * records the saturation diagnostics `dFake` and `gGrad`.
 */
export const ganMlpFamily: TrainingFamily = {
  name: 'gan-mlp',
  description: 'MLP GAN, 64-d latent, 28×28×1 output in [-1, 1]',
  datasets: ['mnist', 'fashion-mnist'],
  pixelRange: 'minus-one-one',
  adversarial: true,
  acceptsImageFolders: true,
  trainerOptions: [...ADVERSARIAL_OPTIONS, ...OPTIMIZER_OPTIONS, 'emaDecay', 'minibatchDiscrimination'],
  createSession({ seed, batchSize, models, loss, trainer: options = {} }) {
    const minibatchDiscrimination = options.minibatchDiscrimination === true;
    const generator = models?.generator ?? buildGanMlpGenerator({ seed });
    const discriminator = models?.discriminator ?? buildGanMlpDiscriminator({ seed, minibatchDiscrimination, spectralNorm: options.spectralNorm === true });
    return emaGanSession({
      trainer: {
        generator,
        discriminator,
        latentDim: GAN_MLP_LATENT,
        generatorOptimizer: createOptimizer(options, GAN_MLP_OPTIMIZER),
        discriminatorOptimizer: createOptimizer(options, GAN_MLP_OPTIMIZER),
        batchSize,
        ...adversarialSettings(options, options.loss ?? loss, GAN_MLP_FEATURE_LAYER),
        // D has no batch statistics, so real and fake can share one pass, unless minibatch discrimination
        // compares the examples of a batch: then a mixed batch would let fakes borrow the reals' variety.
        jointDiscriminatorBatch: !minibatchDiscrimination,
        diagnostics: true,
      },
      buildGenerator: () => buildGanMlpGenerator({ seed }),
      generatorEma: models?.generatorEma,
      emaDecay: options.emaDecay ?? GAN_MLP_EMA_DECAY,
    });
  },
};
