import * as tf from '@tensorflow/tfjs';
import { AdversarialTrainer, type AdversarialTrainerOptions, type LabeledBatch } from '../trainers/adversarial-trainer.js';
import { WeightEma } from '../trainers/weight-ema.js';
import { classRowLabels } from './class-rows.js';
import type { TrainingSession } from './training-family.js';

/** Samples per class row in a conditional GAN's sample grids. */
const CLASS_ROW_LENGTH = 10;

/** Inputs of {@link emaGanSession}. */
export interface EmaGanSessionOptions {
  /**
   * Everything the {@link AdversarialTrainer} takes: networks, optimizers, loss, regularizers. With `classes` set
   * the GAN is class-conditional: it trains on the dataset's labels and its sample grids show one row per class.
   */
  trainer: AdversarialTrainerOptions;
  /** A fresh generator of the same architecture, to start the average from when no checkpoint holds one. */
  buildGenerator: () => tf.LayersModel;
  /** The averaged generator restored from a checkpoint. */
  generatorEma?: tf.LayersModel | undefined;
  emaDecay: number;
}

/**
 * A GAN session on an {@link AdversarialTrainer} whose samples and shipped generator come from an exponential
 * moving average of the generator's weights. Checkpoints hold `generator`, `discriminator` and `generatorEma`.
 */
export function emaGanSession({ trainer: trainerOptions, buildGenerator, generatorEma, emaDecay }: EmaGanSessionOptions): TrainingSession {
  const trainer = new AdversarialTrainer(trainerOptions);
  const { generator, discriminator, classes } = trainer;
  // A run resumed from a checkpoint written before EMA existed starts its average from the current weights.
  const ema = generatorEma ? new WeightEma(generator, generatorEma, emaDecay) : WeightEma.startingFrom(generator, buildGenerator, emaDecay);
  return {
    models: { generator, discriminator, generatorEma: ema.target },
    optimizers: { generator: trainerOptions.generatorOptimizer, discriminator: trainerOptions.discriminatorOptimizer },
    batchesPerStep: trainer.nCritic,
    step(sampler, firstBatch, rng) {
      let batch = firstBatch;
      const nextBatch = (): tf.Tensor4D | LabeledBatch => {
        const k = batch++;
        const images = sampler.batch(k, 'minus-one-one');
        return classes === undefined ? images : { images, labels: sampler.labels(k) };
      };
      const stepIndex = firstBatch / trainer.nCritic;
      const losses = trainer.step(nextBatch, rng, stepIndex);
      ema.update(stepIndex);
      return losses;
    },
    sample: (n, rng) =>
      tf.tidy(() => {
        const z = trainer.latents(n, rng);
        const input = classes === undefined ? z : [z, trainer.labelsOneHot(classRowLabels(n, CLASS_ROW_LENGTH, classes))];
        const images = ema.target.apply(input, { training: false }) as tf.Tensor4D;
        return tf.div(tf.add(images, 1), 2) as tf.Tensor4D;
      }),
    ...(classes === undefined ? {} : { sampleGrid: { n: classes * CLASS_ROW_LENGTH, columns: CLASS_ROW_LENGTH } }),
    trained: () => ({ generator: ema.target }),
    weightAverage: { decay: emaDecay, ramp: true },
  };
}
