import * as tf from '@tensorflow/tfjs';
import type { ImageNll } from './likelihoods.js';
import { meanSquaredError } from './likelihoods.js';

/** Inputs of an {@link AutoencoderTrainer}. */
export interface AutoencoderTrainerOptions {
  /** image → code (one output). */
  encoder: tf.LayersModel;
  /** code → image in [0, 1]. */
  decoder: tf.LayersModel;
  optimizer: tf.Optimizer;
  /** Reconstruction loss per image (the negative log-likelihood of a fixed decoder likelihood). */
  reconstructionLoss: ImageNll;
}

/** Held-out reconstruction error of a deterministic autoencoder. */
export interface ReconstructionScores {
  /** Mean of the training reconstruction loss per image. */
  loss: number;
  /** Mean squared error per pixel (comparable across models and losses). */
  mse: number;
}

/** Plain (deterministic) autoencoder: minimise the reconstruction loss of decoder(encoder(x)). */
export class AutoencoderTrainer {
  readonly encoder: tf.LayersModel;
  readonly decoder: tf.LayersModel;
  private readonly optimizer: tf.Optimizer;
  private readonly loss: ImageNll;

  constructor(options: AutoencoderTrainerOptions) {
    this.encoder = options.encoder;
    this.decoder = options.decoder;
    this.optimizer = options.optimizer;
    this.loss = options.reconstructionLoss;
  }

  /** One optimiser step on `images` (values in [0, 1]); the trainer disposes them. Returns the mean loss per image. */
  step(images: tf.Tensor4D): number {
    const variables = [...this.encoder.trainableWeights, ...this.decoder.trainableWeights].map((w) => w.read() as tf.Variable);
    const cost = this.optimizer.minimize(() => tf.mean(this.loss(images, this.forward(images, true))) as tf.Scalar, true, variables);
    const loss = cost === null ? NaN : cost.dataSync()[0]!;
    tf.dispose([images, cost ?? []]);
    return loss;
  }

  /** Reconstruction loss and per-pixel MSE on held-out images, averaged per image. */
  evaluate(images: (start: number, end: number) => tf.Tensor4D, count: number, batchSize = 250): ReconstructionScores {
    let loss = 0;
    let mse = 0;
    for (let start = 0; start < count; start += batchSize) {
      const end = Math.min(count, start + batchSize);
      const batch = images(start, end);
      const [batchLoss, batchMse] = tf.tidy(() => {
        const decoded = this.forward(batch, false);
        return [tf.sum(this.loss(batch, decoded)).dataSync()[0]!, tf.sum(meanSquaredError(batch, decoded)).dataSync()[0]!];
      });
      loss += batchLoss!;
      mse += batchMse!;
      batch.dispose();
    }
    return { loss: loss / count, mse: mse / count };
  }

  /** decoder(encoder(images)), in [0, 1]. */
  reconstruct(images: tf.Tensor4D): tf.Tensor4D {
    return tf.tidy(() => this.forward(images, false));
  }

  private forward(images: tf.Tensor4D, training: boolean): tf.Tensor4D {
    return this.decoder.apply(this.encoder.apply(images, { training }) as tf.Tensor, { training }) as tf.Tensor4D;
  }

  /** Decodings of codes drawn from N(0, I): what a plain autoencoder gives when used (wrongly) as a generator. */
  sample(latents: tf.Tensor2D): tf.Tensor4D {
    return tf.tidy(() => this.decoder.apply(latents, { training: false }) as tf.Tensor4D);
  }
}
