import * as tf from '@tensorflow/tfjs';
import { buildDcganMnistDiscriminator, buildDcganMnistGenerator, DCGAN_MNIST_LATENT } from '../models/dcgan-mnist.js';
import { buildDcganMnistSnDiscriminator } from '../models/dcgan-mnist-sn.js';
import { AdversarialTrainer } from '../trainers/adversarial-trainer.js';
import { createOptimizer } from '../trainers/create-optimizer.js';
import { ADVERSARIAL_OPTIONS, OPTIMIZER_OPTIONS } from '../trainers/trainer-options.js';
import { WeightEma } from '../trainers/weight-ema.js';
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
    const loss = options.loss ?? lossName;
    const decay = options.emaDecay ?? DCGAN_EMA_DECAY;
    const generator = models?.generator ?? buildDcganMnistGenerator({ seed });
    const discriminator =
      models?.discriminator ?? (options.spectralNorm === true ? buildDcganMnistSnDiscriminator({ seed }) : buildDcganMnistDiscriminator({ seed }));
    // A run resumed from a checkpoint written before EMA existed starts its average from the current weights.
    const ema = models?.generatorEma
      ? new WeightEma(generator, models.generatorEma, decay)
      : WeightEma.startingFrom(generator, () => buildDcganMnistGenerator({ seed }), decay);
    const optimizerDefaults = { learningRate: 2e-4, beta1: 0.5 };
    const optimizers = { generator: createOptimizer(options, optimizerDefaults), discriminator: createOptimizer(options, optimizerDefaults) };
    const trainer = new AdversarialTrainer({
      generator,
      discriminator,
      latentDim: DCGAN_MNIST_LATENT,
      generatorOptimizer: optimizers.generator,
      discriminatorOptimizer: optimizers.discriminator,
      batchSize,
      nCritic: options.nCritic ?? 1,
      ...(loss === undefined ? {} : { loss }),
      ...(options.labelSmoothing === undefined ? {} : { labelSmoothing: options.labelSmoothing }),
      ...(options.weightClip === undefined ? {} : { weightClip: options.weightClip }),
      ...(options.gradientPenalty === undefined ? {} : { gradientPenalty: { weight: options.gradientPenalty } }),
      ...(options.instanceNoise === undefined ? {} : { instanceNoise: { std: options.instanceNoise } }),
      ...(options.featureMatching === undefined ? {} : { featureMatching: { layer: 'd_lrelu2', weight: options.featureMatching } }),
    });
    return {
      models: { generator, discriminator, generatorEma: ema.target },
      optimizers,
      batchesPerStep: trainer.nCritic,
      step(sampler, firstBatch, rng) {
        let batch = firstBatch;
        const losses = trainer.step(() => sampler.batch(batch++, 'minus-one-one'), rng, firstBatch / trainer.nCritic);
        ema.update();
        return losses;
      },
      sample: (n, rng) =>
        tf.tidy(() => {
          const images = ema.target.apply(trainer.latents(n, rng), { training: false }) as tf.Tensor4D;
          return tf.div(tf.add(images, 1), 2) as tf.Tensor4D;
        }),
      trained: () => ({ generator: ema.target }),
    };
  },
};
