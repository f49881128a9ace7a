import * as tf from '@tensorflow/tfjs';
import type { FunctionalMlp } from '../models/mlp-2d.js';
import type { Rng } from '../random/rng.js';
import type { PointBatches } from './gan-2d-trainer.js';

/** Inputs of a {@link VeeganTrainer}. */
export interface VeeganTrainerOptions {
  generator: tf.LayersModel;
  /** F: x → z. */
  reconstructor: FunctionalMlp;
  /** D(z, x) on the concatenation [z, x]: a logit, high for generator pairs (z, G(z)). */
  discriminator: FunctionalMlp;
  latentDim: number;
  generatorOptimizer: tf.Optimizer;
  reconstructorOptimizer: tf.Optimizer;
  discriminatorOptimizer: tf.Optimizer;
  batchSize: number;
  /** Weight of the reconstruction term ‖z − F(G(z))‖² (default 1, as in the paper). */
  reconstructionWeight?: number;
  /**
   * σ of a Gaussian reconstructor, as in the authors' code: D's data pairs are (F(x) + σε, x) and the reconstruction
   * term is the negative log-likelihood ‖z − F(G(z))‖² / 2σ² (absent: Algorithm 1's deterministic F and squared error).
   * With a z of many dimensions that x cannot encode, a deterministic F(x) lies on a 2-d sheet D tells from N(0, I) at once.
   */
  reconstructorNoise?: number;
}

/**
 * VEEGAN (Srivastava et al. 2017, Algorithm 1). D learns to tell generator pairs (z, G(z)) from data
 * pairs (F(x), x) by cross-entropy, so its logit estimates the log density ratio; G minimizes
 * E[D(z, G(z))] + E‖z − F(G(z))‖²; F minimizes the reconstruction term E‖z − F(G(z))‖² alone.
 */
export class VeeganTrainer {
  private readonly options: VeeganTrainerOptions;

  constructor(options: VeeganTrainerOptions) {
    this.options = options;
    const { latentDim, discriminator, reconstructor } = options;
    if (discriminator.shape.input !== latentDim + 2) throw new Error(`VEEGAN's discriminator needs ${latentDim + 2} inputs (z and x), got ${discriminator.shape.input}`);
    if (reconstructor.shape.input !== 2 || reconstructor.shape.output !== latentDim) {
      throw new Error(`VEEGAN's reconstructor maps 2-D points to ${latentDim}-d codes, got ${reconstructor.shape.input} → ${reconstructor.shape.output}`);
    }
  }

  latents(n: number, rng: Rng): tf.Tensor2D {
    return tf.tensor2d(rng.normals(n * this.options.latentDim), [n, this.options.latentDim]);
  }

  /** The reconstruction term: E‖z − F(G(z))‖² (mean over the batch), divided by 2σ² for a Gaussian F of noise σ. */
  reconstructionLoss(z: tf.Tensor2D, points: tf.Tensor): tf.Scalar {
    return tf.tidy(() => {
      const squared = tf.mean(tf.sum(tf.square(tf.sub(z, this.options.reconstructor.apply(points))), 1)) as tf.Scalar;
      const sigma = this.options.reconstructorNoise;
      return sigma === undefined ? squared : tf.div(squared, 2 * sigma * sigma);
    });
  }

  /** The codes of D's data pairs: F(x), plus σε for a Gaussian F. */
  private dataCodes(real: tf.Tensor2D, rng: Rng): tf.Tensor2D {
    const sigma = this.options.reconstructorNoise;
    return tf.tidy(() => {
      const codes = this.options.reconstructor.apply(real);
      return sigma === undefined ? codes : tf.add(codes, tf.mul(this.latents(real.shape[0], rng), sigma));
    });
  }

  /** One D update, then one joint update of G and F; returns D's cross-entropy, G's and F's losses. */
  step(realBatches: PointBatches, rng: Rng): { d: number; g: number; reconstruction: number } {
    const { generator, reconstructor, discriminator, batchSize } = this.options;
    const weight = this.options.reconstructionWeight ?? 1;
    const real = realBatches(batchSize, rng);
    const zD = this.latents(batchSize, rng);
    const codes = this.dataCodes(real, rng);
    const dCost = this.options.discriminatorOptimizer.minimize(
      () => {
        const generated = discriminator.apply(tf.concat([zD, generator.apply(zD, { training: true }) as tf.Tensor], 1));
        const data = discriminator.apply(tf.concat([codes, real], 1));
        return tf.add(tf.mean(tf.softplus(tf.neg(generated))), tf.mean(tf.softplus(data))) as tf.Scalar;
      },
      true,
      discriminator.variables,
    );
    const d = dCost?.dataSync()[0] ?? NaN;
    tf.dispose([real, zD, codes, dCost ?? []]);

    const z = this.latents(batchSize, rng);
    const generatorVariables = generator.trainableWeights.map((w) => w.read() as tf.Variable);
    let reconstruction = NaN;
    const gCost = this.options.generatorOptimizer.minimize(
      () => {
        const points = generator.apply(z, { training: true }) as tf.Tensor;
        const ratio = tf.mean(discriminator.apply(tf.concat([z, points], 1)));
        return tf.add(ratio, tf.mul(weight, this.reconstructionLoss(z, points))) as tf.Scalar;
      },
      true,
      generatorVariables,
    );
    const fCost = this.options.reconstructorOptimizer.minimize(
      () => tf.tidy(() => this.reconstructionLoss(z, generator.apply(z, { training: false }) as tf.Tensor)),
      true,
      reconstructor.variables,
    );
    reconstruction = fCost?.dataSync()[0] ?? NaN;
    const g = gCost?.dataSync()[0] ?? NaN;
    tf.dispose([z, gCost ?? [], fCost ?? []]);
    return { d, g, reconstruction };
  }

  sample(n: number, rng: Rng): Float32Array {
    return tf.tidy(() => (this.options.generator.apply(this.latents(n, rng), { training: false }) as tf.Tensor).dataSync() as Float32Array);
  }
}
