import * as tf from '@tensorflow/tfjs';
import type { Mixture2d } from '@genzoo/metrics';
import { buildPointGenerator, FunctionalMlp, POINT_OUTPUT_LAYER } from '../models/mlp-2d.js';
import { Rng } from '../random/rng.js';
import { createOptimizer } from '../trainers/create-optimizer.js';
import { WeightEma } from '../trainers/weight-ema.js';
import { dataScale, PointPool, TRAINING_POINTS } from './gan-2d-data.js';
import { linearDecay, setLearningRate } from './gan-2d-schedule.js';
import type { Gan2dSettings } from './gan-2d-settings.js';
import { validateGan2dSettings } from './gan-2d-settings.js';
import { PointGanTrainer } from './gan-2d-trainer.js';
import { VeeganTrainer } from './veegan-2d-trainer.js';

/** A 2-D GAN or VEEGAN ready to train: one step at a time, samples on demand. */
export interface Gan2dRun {
  /** The trained generator (the weight average when `emaDecay` is set), in the data's coordinates divided by `scale`. */
  readonly generator: tf.LayersModel;
  /** See {@link dataScale}. */
  readonly scale: number;
  /** A copy of `generator` with `scale` folded into its output layer: z → point in data coordinates (the model to ship). */
  shippable(): tf.LayersModel;
  step(): Record<string, number>;
  /** `n` samples for latents drawn from `seed`, row-major [n, 2]. */
  sample(n: number, seed: number): Float32Array;
  dispose(): void;
}

/** Builds the networks, optimizers and trainer of one run from its settings, dataset and seed. */
export function createGan2dRun(settings: Gan2dSettings, mixture: Mixture2d, seed: number): Gan2dRun {
  validateGan2dSettings(settings);
  const scale = dataScale(mixture);
  const pool = new PointPool(mixture, TRAINING_POINTS, seed, scale);
  const rng = new Rng(seed ^ 0x5eed_2d2d);
  const { latentDim } = settings;
  const buildGenerator = (): tf.LayersModel => buildPointGenerator({ seed, latentDim, hidden: settings.generatorHidden, batchNorm: settings.generatorBatchNorm === true });
  const generator = buildGenerator();
  const ema = settings.emaDecay === undefined ? undefined : WeightEma.startingFrom(generator, buildGenerator, settings.emaDecay);
  // Each optimizer with the rate it starts from, which a learning-rate decay scales down.
  const optimizers: { optimizer: tf.Optimizer; initial: number }[] = [];
  const optimizer = (learningRate = settings.learningRate): tf.Optimizer => {
    const created = createOptimizer({ optimizer: settings.optimizer, learningRate, beta1: settings.beta1 }, { learningRate });
    optimizers.push({ optimizer: created, initial: learningRate });
    return created;
  };
  let stepsTaken = 0;
  const batches = (n: number, r: Rng): tf.Tensor2D => pool.batch(n, r);
  const disposables: { dispose(): void }[] = [];
  let trainer: PointGanTrainer | VeeganTrainer;
  if (settings.method === 'veegan') {
    const discriminator = new FunctionalMlp({ input: latentDim + 2, hidden: settings.discriminatorHidden, output: 1 }, seed + 101, 'd');
    // F inverts G, so it mirrors G's hidden layers.
    const reconstructor = new FunctionalMlp({ input: 2, hidden: settings.generatorHidden, output: latentDim }, seed + 202, 'f');
    disposables.push(discriminator, reconstructor);
    trainer = new VeeganTrainer({
      generator,
      reconstructor,
      discriminator,
      latentDim,
      generatorOptimizer: optimizer(),
      reconstructorOptimizer: optimizer(),
      discriminatorOptimizer: optimizer(settings.discriminatorLearningRate),
      batchSize: settings.batchSize,
      ...(settings.reconstructorNoise === undefined ? {} : { reconstructorNoise: settings.reconstructorNoise }),
    });
  } else {
    const discriminator = new FunctionalMlp({ input: 2 * settings.pack, hidden: settings.discriminatorHidden, output: 1 }, seed + 101, 'd');
    disposables.push(discriminator);
    const ganTrainer = new PointGanTrainer({
      generator,
      discriminator,
      latentDim,
      generatorOptimizer: optimizer(),
      discriminatorOptimizer: optimizer(settings.discriminatorLearningRate),
      batchSize: settings.batchSize,
      loss: settings.loss,
      nCritic: settings.nCritic,
      pack: settings.pack,
      ...(settings.unrolled > 0
        ? { unrolled: { steps: settings.unrolled, learningRate: settings.unrollLearningRate, ...(settings.unrollOptimizer === undefined ? {} : { optimizer: settings.unrollOptimizer }) } }
        : {}),
      ...(settings.weightClip === undefined ? {} : { weightClip: settings.weightClip }),
      ...(settings.gradientPenalty === undefined ? {} : { gradientPenalty: settings.gradientPenalty }),
      spectralNorm: settings.spectralNorm,
      ...(settings.spectralNormLayers === undefined ? {} : { spectralNormLayers: settings.spectralNormLayers }),
      seed,
    });
    disposables.push(ganTrainer);
    trainer = ganTrainer;
  }
  const shipped = ema?.target ?? generator;
  return {
    generator: shipped,
    scale,
    shippable: () => {
      const copy = buildGenerator();
      copy.setWeights(shipped.getWeights());
      const output = copy.getLayer(POINT_OUTPUT_LAYER);
      const scaled = output.getWeights().map((w) => tf.mul(w, scale));
      output.setWeights(scaled);
      tf.dispose(scaled);
      return copy;
    },
    step: () => {
      if (settings.learningRateDecay === 'linear') optimizers.forEach((o) => setLearningRate(o.optimizer, linearDecay(o.initial, stepsTaken, settings.steps)));
      stepsTaken++;
      const losses = trainer.step(batches, rng);
      // No decay ramp here: the mode-collapse study's recorded seeds were trained without one (and run 5,000+ steps).
      ema?.update();
      return losses;
    },
    sample: (n, sampleSeed) =>
      tf.tidy(() => tf.mul(shipped.apply(tf.tensor2d(new Rng(sampleSeed).normals(n * latentDim), [n, latentDim]), { training: false }) as tf.Tensor, scale).dataSync() as Float32Array),
    dispose: () => {
      disposables.forEach((d) => d.dispose());
      optimizers.forEach((o) => o.optimizer.dispose());
      generator.dispose();
      ema?.target.dispose();
    },
  };
}
