import * as tf from '@tensorflow/tfjs';
import { buildDcganMnistDiscriminator, buildDcganMnistGenerator, DCGAN_MNIST_LATENT } from '../models/dcgan-mnist.js';
import { AdversarialTrainer } from '../trainers/adversarial-trainer.js';
import { WeightEma } from '../trainers/weight-ema.js';
import type { TrainingFamily } from './training-family.js';

/** Decay of the generator's weight average; ~1,000 steps of memory. */
export const DCGAN_EMA_DECAY = 0.999;

/**
 * DCGAN on 28×28 digits: Adam(2e-4, β1 0.5) for both nets, one D step per G step. Samples and the
 * shipped generator come from an exponential moving average of the generator's weights.
 */
export const dcganMnistFamily: TrainingFamily = {
  name: 'dcgan-mnist',
  description: 'DCGAN, 64-d latent, 28×28×1 output in [-1, 1]',
  datasets: ['mnist', 'fashion-mnist'],
  pixelRange: 'minus-one-one',
  adversarial: true,
  acceptsImageFolders: true,
  createSession({ seed, batchSize, models, loss }) {
    const generator = models?.generator ?? buildDcganMnistGenerator({ seed });
    const discriminator = models?.discriminator ?? buildDcganMnistDiscriminator({ seed });
    // A run resumed from a checkpoint written before EMA existed starts its average from the current weights.
    const ema = models?.generatorEma
      ? new WeightEma(generator, models.generatorEma, DCGAN_EMA_DECAY)
      : WeightEma.startingFrom(generator, () => buildDcganMnistGenerator({ seed }), DCGAN_EMA_DECAY);
    const optimizers = { generator: tf.train.adam(2e-4, 0.5), discriminator: tf.train.adam(2e-4, 0.5) };
    const trainer = new AdversarialTrainer({
      generator,
      discriminator,
      latentDim: DCGAN_MNIST_LATENT,
      generatorOptimizer: optimizers.generator,
      discriminatorOptimizer: optimizers.discriminator,
      batchSize,
      nCritic: 1,
      ...(loss === undefined ? {} : { loss }),
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
