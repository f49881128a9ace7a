import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random/rng.js';
import type { ImageNll } from './likelihoods.js';
import { bernoulliNll, gaussianKl, reparameterize } from './losses.js';

/** Inputs of a {@link VaeTrainer}. */
export interface VaeTrainerOptions {
  /** image → [mean, logvar]. */
  encoder: tf.LayersModel;
  /** z → image probabilities in [0, 1]. */
  decoder: tf.LayersModel;
  latentDim: number;
  optimizer: tf.Optimizer;
  /** Weight of the KL term in the training loss (β-VAE); 1 by default. Held-out ELBOs always use 1. */
  beta?: number;
  /** Reconstruction NLL per image; Bernoulli (binary cross-entropy) by default. */
  likelihood?: ImageNll;
}

/** Held-out ELBO and its two terms, in nats per image. */
export interface ElboTerms {
  /** ELBO = −recon − kl; higher is better. */
  elbo: number;
  /** E_q[−log p(x|z)], one posterior sample. */
  recon: number;
  /** KL(q(z|x) ‖ N(0, I)). */
  kl: number;
}

/** Per-image averages of one likelihood step, in nats. */
export interface VaeLosses {
  /** Training loss recon + β·kl (the negative ELBO when β = 1). */
  loss: number;
  recon: number;
  kl: number;
}

/** Likelihood loop for a VAE: maximise the ELBO with the reparameterisation trick. */
export class VaeTrainer {
  readonly encoder: tf.LayersModel;
  readonly decoder: tf.LayersModel;
  readonly latentDim: number;
  readonly beta: number;
  private readonly optimizer: tf.Optimizer;
  private readonly nll: ImageNll;

  constructor(options: VaeTrainerOptions) {
    this.encoder = options.encoder;
    this.decoder = options.decoder;
    this.latentDim = options.latentDim;
    this.optimizer = options.optimizer;
    this.beta = options.beta ?? 1;
    this.nll = options.likelihood ?? bernoulliNll;
  }

  private terms(images: tf.Tensor4D, eps: tf.Tensor2D, training: boolean): { recon: tf.Scalar; kl: tf.Scalar } {
    const [mean, logvar] = this.encoder.apply(images, { training }) as tf.Tensor[];
    const z = reparameterize(mean!, logvar!, eps);
    const probabilities = this.decoder.apply(z, { training }) as tf.Tensor;
    return { recon: tf.mean(this.nll(images, probabilities)), kl: tf.mean(gaussianKl(mean!, logvar!)) };
  }

  /** One optimiser step on `images` (values in [0, 1]); the trainer disposes them. */
  step(images: tf.Tensor4D, rng: Rng): VaeLosses {
    const eps = tf.tensor2d(rng.normals(images.shape[0] * this.latentDim), [images.shape[0], this.latentDim]);
    let recon = 0;
    let kl = 0;
    const variables = [...this.encoder.trainableWeights, ...this.decoder.trainableWeights].map((w) => w.read() as tf.Variable);
    const cost = this.optimizer.minimize(() => {
      const t = this.terms(images, eps, true);
      // Read the parts inside the closure; they are cheap scalars.
      recon = t.recon.dataSync()[0]!;
      kl = t.kl.dataSync()[0]!;
      return tf.add(t.recon, tf.mul(this.beta, t.kl)) as tf.Scalar;
    }, true, variables);
    const loss = cost === null ? NaN : cost.dataSync()[0]!;
    tf.dispose([images, eps, cost ?? []]);
    return { loss, recon, kl };
  }

  /**
   * ELBO in nats per image on held-out images (one posterior sample each),
   * averaged over `batches` of `batchSize`. Higher is better; -loss.
   */
  evaluateElbo(images: (start: number, end: number) => tf.Tensor4D, count: number, rng: Rng, batchSize = 250): number {
    return this.evaluateTerms(images, count, rng, batchSize).elbo;
  }

  /** Held-out ELBO (β = 1 whatever the training β) with its reconstruction and KL terms, in nats per image. */
  evaluateTerms(images: (start: number, end: number) => tf.Tensor4D, count: number, rng: Rng, batchSize = 250): ElboTerms {
    let recon = 0;
    let kl = 0;
    for (let start = 0; start < count; start += batchSize) {
      const end = Math.min(count, start + batchSize);
      const batch = images(start, end);
      const eps = tf.tensor2d(rng.normals((end - start) * this.latentDim), [end - start, this.latentDim]);
      const [batchRecon, batchKl] = tf.tidy(() => {
        const t = this.terms(batch, eps, false);
        return [t.recon.dataSync()[0]!, t.kl.dataSync()[0]!];
      });
      recon += batchRecon! * (end - start);
      kl += batchKl! * (end - start);
      tf.dispose([batch, eps]);
    }
    return { elbo: -(recon + kl) / count, recon: recon / count, kl: kl / count };
  }

  /** Reconstructions of `images` through the posterior mean (no noise), in [0, 1]. */
  reconstruct(images: tf.Tensor4D): tf.Tensor4D {
    return tf.tidy(() => {
      const [mean] = this.encoder.apply(images, { training: false }) as tf.Tensor[];
      return this.decoder.apply(mean!, { training: false }) as tf.Tensor4D;
    });
  }

  /** Decoded samples from the prior, in [0, 1]. */
  sample(n: number, rng: Rng): tf.Tensor4D {
    return tf.tidy(() => this.decoder.apply(tf.tensor2d(rng.normals(n * this.latentDim), [n, this.latentDim]), { training: false }) as tf.Tensor4D);
  }
}
