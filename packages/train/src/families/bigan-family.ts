import * as tf from '@tensorflow/tfjs';
import { buildBiganMnistDiscriminator, buildBiganMnistEncoder, buildBiganMnistGenerator, BIGAN_LATENT } from '../models/bigan-mnist.js';
import { BiganTrainer } from '../trainers/bigan-trainer.js';
import { createOptimizer } from '../trainers/create-optimizer.js';
import { OPTIMIZER_OPTIONS } from '../trainers/trainer-options.js';
import { WeightEma } from '../trainers/weight-ema.js';
import type { TrainingFamily } from './training-family.js';

/** Decay of the generator's and encoder's weight averages; ~200 steps of memory, so short runs forget their start. */
export const BIGAN_EMA_DECAY = 0.995;
/**
 * The latent regression term ‖E(G(z)) − z‖² of the encoder's loss (G(z) held fixed), weight 1 from step 2,400 on, when
 * G draws strokes. Without it E collapsed onto nearly one code in 2,400 steps. On from the start, D won outright within
 * 100 steps (G still drew flat grey, which E cannot invert); with gradients into G too, G's strokes fell apart into
 * encodable scribbles at weight 1, and at 0.1 or 1/64 it was too weak to undo E's collapse.
 */
export const BIGAN_LATENT_CYCLE = { weight: 1, fromStep: 2400 } as const;

function toUnit(images: tf.Tensor): tf.Tensor4D {
  return tf.div(tf.add(images, 1), 2) as tf.Tensor4D;
}

/**
 * BiGAN / ALI on 28×28 images: G a half-width DCGAN generator (64-d latent), E a deterministic conv encoder, D a
 * joint conv + MLP discriminator on (x, z) with dropout. Adam(2e-4, β1 0.5) for D and for G and E together; G and E also
 * E also regresses z from G(z) once G draws strokes, so that it inverts G.
 * The shipped G and E are exponential moving averages of the trained weights (both, so that G(E(x)) pairs
 * averages that were trained together).
 */
export const biganFamily: TrainingFamily = {
  name: 'bigan',
  description: 'BiGAN / ALI: generator, encoder and joint (x, z) discriminator, 64-d latent, 28×28×1 output in [-1, 1]',
  datasets: ['mnist', 'fashion-mnist'],
  pixelRange: 'minus-one-one',
  adversarial: true,
  acceptsImageFolders: true,
  trainerOptions: ['loss', 'labelSmoothing', 'emaDecay', ...OPTIMIZER_OPTIONS],
  createSession({ seed, models, loss: lossName, trainer: options = {} }) {
    const decay = options.emaDecay ?? BIGAN_EMA_DECAY;
    const generator = models?.generator ?? buildBiganMnistGenerator({ seed });
    const encoder = models?.encoder ?? buildBiganMnistEncoder({ seed });
    const discriminator = models?.discriminator ?? buildBiganMnistDiscriminator({ seed });
    const average = (source: tf.LayersModel, saved: tf.LayersModel | undefined, build: () => tf.LayersModel): WeightEma =>
      saved ? new WeightEma(source, saved, decay) : WeightEma.startingFrom(source, build, decay);
    const generatorEma = average(generator, models?.generatorEma, () => buildBiganMnistGenerator({ seed }));
    const encoderEma = average(encoder, models?.encoderEma, () => buildBiganMnistEncoder({ seed }));
    const optimizerDefaults = { learningRate: 2e-4, beta1: 0.5 };
    const optimizers = { generator: createOptimizer(options, optimizerDefaults), discriminator: createOptimizer(options, optimizerDefaults) };
    const loss = options.loss ?? lossName;
    const trainer = new BiganTrainer({
      generator,
      encoder,
      discriminator,
      latentDim: BIGAN_LATENT,
      generatorOptimizer: optimizers.generator,
      discriminatorOptimizer: optimizers.discriminator,
      ...(loss === undefined ? {} : { loss }),
      ...(options.labelSmoothing === undefined ? {} : { labelSmoothing: options.labelSmoothing }),
      latentCycle: BIGAN_LATENT_CYCLE,
    });
    return {
      models: { generator, encoder, discriminator, generatorEma: generatorEma.target, encoderEma: encoderEma.target },
      optimizers,
      batchesPerStep: 1,
      step(sampler, firstBatch, rng) {
        const losses = trainer.step(sampler.batch(firstBatch, 'minus-one-one'), rng, firstBatch);
        generatorEma.update(firstBatch);
        encoderEma.update(firstBatch);
        return { d: losses.d, g: losses.g, cycle: losses.cycle };
      },
      weightAverage: { decay, ramp: true },
      sample: (n, rng) => tf.tidy(() => toUnit(generatorEma.target.apply(trainer.latents(n, rng), { training: false }) as tf.Tensor)),
      reconstruct: (images) =>
        tf.tidy(() => {
          const codes = encoderEma.target.apply(images, { training: false }) as tf.Tensor;
          return toUnit(generatorEma.target.apply(codes, { training: false }) as tf.Tensor);
        }),
      trained: () => ({ generator: generatorEma.target, encoder: encoderEma.target }),
    };
  },
};
