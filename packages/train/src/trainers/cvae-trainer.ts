import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random/rng.js';
import { bernoulliNll, gaussianKl, reparameterize } from './losses.js';
import type { VaeLosses } from './vae-trainer.js';

/** Inputs of a {@link CvaeTrainer}. */
export interface CvaeTrainerOptions {
  /** [image, one-hot label] → [mean, logvar]. */
  encoder: tf.LayersModel;
  /** [z, one-hot label] → image probabilities in [0, 1]. */
  decoder: tf.LayersModel;
  latentDim: number;
  classes: number;
  optimizer: tf.Optimizer;
}

/** One-hot float rows of integer class labels; a one-line error for a label out of range. */
export function oneHotLabels(labels: ArrayLike<number>, classes: number): tf.Tensor2D {
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!Number.isInteger(label) || label < 0 || label >= classes) throw new Error(`label ${label} at index ${i} is not a class in [0, ${classes})`);
  }
  return tf.tidy(() => tf.oneHot(tf.tensor1d(Array.from(labels), 'int32'), classes).toFloat() as tf.Tensor2D);
}

/**
 * Likelihood loop for a class-conditional VAE: maximise the conditional ELBO
 * E_q(z|x,y)[log p(x | z, y)] − KL(q(z | x, y) ‖ N(0, I)), with the label fed to both networks.
 */
export class CvaeTrainer {
  readonly encoder: tf.LayersModel;
  readonly decoder: tf.LayersModel;
  readonly latentDim: number;
  readonly classes: number;
  private readonly optimizer: tf.Optimizer;

  constructor(options: CvaeTrainerOptions) {
    this.encoder = options.encoder;
    this.decoder = options.decoder;
    this.latentDim = options.latentDim;
    this.classes = options.classes;
    this.optimizer = options.optimizer;
  }

  private checkBatch(images: tf.Tensor4D, labels: ArrayLike<number>): void {
    if (labels.length !== images.shape[0]) throw new Error(`got ${labels.length} labels for ${images.shape[0]} images`);
  }

  private terms(images: tf.Tensor4D, labels: tf.Tensor2D, eps: tf.Tensor2D, training: boolean): { recon: tf.Scalar; kl: tf.Scalar } {
    const [mean, logvar] = this.encoder.apply([images, labels], { training }) as tf.Tensor[];
    const z = reparameterize(mean!, logvar!, eps);
    const probabilities = this.decoder.apply([z, labels], { training }) as tf.Tensor;
    return { recon: tf.mean(bernoulliNll(images, probabilities)), kl: tf.mean(gaussianKl(mean!, logvar!)) };
  }

  private noise(n: number, rng: Rng): tf.Tensor2D {
    return tf.tensor2d(rng.normals(n * this.latentDim), [n, this.latentDim]);
  }

  /** One optimiser step on `images` (values in [0, 1]) of classes `labels`; the trainer disposes the images. */
  step(images: tf.Tensor4D, labels: ArrayLike<number>, rng: Rng): VaeLosses {
    this.checkBatch(images, labels);
    const oneHot = oneHotLabels(labels, this.classes);
    const eps = this.noise(images.shape[0], rng);
    let recon = 0;
    let kl = 0;
    const variables = [...this.encoder.trainableWeights, ...this.decoder.trainableWeights].map((w) => w.read() as tf.Variable);
    const cost = this.optimizer.minimize(() => {
      const t = this.terms(images, oneHot, eps, true);
      recon = t.recon.dataSync()[0]!;
      kl = t.kl.dataSync()[0]!;
      return tf.add(t.recon, t.kl) as tf.Scalar;
    }, true, variables);
    const loss = cost === null ? NaN : cost.dataSync()[0]!;
    tf.dispose([images, oneHot, eps, cost ?? []]);
    return { loss, recon, kl };
  }

  /**
   * Conditional ELBO in nats per image on held-out images with their labels (one posterior sample each),
   * averaged over batches of `batchSize`. Higher is better.
   */
  evaluateElbo(images: (start: number, end: number) => tf.Tensor4D, labels: ArrayLike<number>, rng: Rng, batchSize = 250): number {
    let total = 0;
    for (let start = 0; start < labels.length; start += batchSize) {
      const end = Math.min(labels.length, start + batchSize);
      const batch = images(start, end);
      const batchLabels = Array.prototype.slice.call(labels, start, end) as number[];
      this.checkBatch(batch, batchLabels);
      const oneHot = oneHotLabels(batchLabels, this.classes);
      const eps = this.noise(end - start, rng);
      const negElbo = tf.tidy(() => {
        const t = this.terms(batch, oneHot, eps, false);
        return tf.add(t.recon, t.kl).dataSync()[0]!;
      });
      total += negElbo * (end - start);
      tf.dispose([batch, oneHot, eps]);
    }
    return -total / labels.length;
  }

  /** Reconstructions of `images` of classes `labels` through the posterior mean, in [0, 1]. */
  reconstruct(images: tf.Tensor4D, labels: ArrayLike<number>): tf.Tensor4D {
    this.checkBatch(images, labels);
    const oneHot = oneHotLabels(labels, this.classes);
    const out = tf.tidy(() => {
      const [mean] = this.encoder.apply([images, oneHot], { training: false }) as tf.Tensor[];
      return this.decoder.apply([mean!, oneHot], { training: false }) as tf.Tensor4D;
    });
    oneHot.dispose();
    return out;
  }

  /** Decoded prior samples of classes `labels` (one image per label), in [0, 1]. */
  sample(labels: ArrayLike<number>, rng: Rng): tf.Tensor4D {
    const oneHot = oneHotLabels(labels, this.classes);
    const z = this.noise(labels.length, rng);
    const out = tf.tidy(() => this.decoder.apply([z, oneHot], { training: false }) as tf.Tensor4D);
    tf.dispose([oneHot, z]);
    return out;
  }
}
