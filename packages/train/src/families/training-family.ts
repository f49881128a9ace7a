import type * as tf from '@tensorflow/tfjs';
import type { BatchSampler, PixelRange } from '../data/split.js';
import type { ImageDataset } from '../data/image-dataset.js';
import type { Rng } from '../random/rng.js';
import type { TrainerOptionName, TrainerOptions } from '../trainers/trainer-options.js';

/** Models a run hands to exporters: `generator` always, `encoder` for VAEs. */
export interface TrainedModels {
  generator: tf.LayersModel;
  encoder?: tf.LayersModel;
}

/** Inputs for creating a family's training session. */
export interface SessionOptions {
  seed: number;
  batchSize: number;
  /** Models restored from a checkpoint; built fresh when absent. */
  models?: Record<string, tf.LayersModel>;
  /** Adversarial loss by registry name (families with `adversarial: true`). */
  loss?: string;
  /** Trainer settings from the command line (only those in the family's `trainerOptions`). */
  trainer?: TrainerOptions;
  /** The run's dataset and its fixed split, for families that build their own batches (translators). */
  data?: SessionData;
}

/** A run's dataset and the indices of its training and held-out images. */
export interface SessionData {
  dataset: ImageDataset;
  train: Uint32Array;
  eval: Uint32Array;
}

/** One family's models, optimizers and step function, ready to train. */
export interface TrainingSession {
  /** Every model to checkpoint, by name. */
  models: Record<string, tf.LayersModel>;
  /** Every optimizer to checkpoint, by name. */
  optimizers: Record<string, tf.Optimizer>;
  /** Batches consumed by one step. */
  batchesPerStep: number;
  /** One training step reading batches `firstBatch…`; returns named losses. */
  step(sampler: BatchSampler, firstBatch: number, rng: Rng): Record<string, number>;
  /** n samples in [0, 1] for a grid. */
  sample(n: number, rng: Rng): tf.Tensor4D;
  /** Samples and columns of the run's sample grids (default 64 in 8 columns); conditional families draw a row per class. */
  sampleGrid?: { n: number; columns: number };
  /** Held-out metrics (e.g. ELBO in nats per image). */
  evaluate?(dataset: ImageDataset, indices: Uint32Array, rng: Rng): Record<string, number>;
  /** Reconstructions in [0, 1] of images given in the family's pixel range, with their classes (autoencoders only; conditional ones need the labels). */
  reconstruct?(images: tf.Tensor4D, labels?: Uint8Array): tf.Tensor4D;
  /** The models to ship. */
  trained(): TrainedModels;
  /** How the shipped weights are averaged over training, for families that ship a weight average. */
  weightAverage?: WeightAverage;
}

/** An exponential moving average of weights; `ramp`: its decay ramps up over the first steps (see `WeightEma.update`). */
export interface WeightAverage {
  decay: number;
  ramp: boolean;
}

/** A trainable model family such as `dcgan-mnist`. */
export interface TrainingFamily {
  name: string;
  description: string;
  /** Datasets it can train on (28×28 grayscale). */
  datasets: readonly string[];
  /** How it wants pixels scaled. */
  pixelRange: PixelRange;
  /** Whether it trains with an adversarial loss that `--loss` may choose. */
  adversarial?: boolean;
  /** Whether it trains on a folder of the user's images (decoded to 28×28 grayscale). */
  acceptsImageFolders?: boolean;
  /** Trainer settings it honours (default: the optimizer's, plus the adversarial ones for adversarial families). */
  trainerOptions?: readonly TrainerOptionName[];
  /** Family-specific checks of a run's settings (e.g. that `--task` names one of its tasks); throws a one-line error. */
  validate?(run: { dataset: string; trainer: TrainerOptions }): void;
  createSession(options: SessionOptions): TrainingSession;
}
