import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random/rng.js';
import { discriminatorLoss, generatorLoss } from './losses.js';

/** Inputs of an {@link AdversarialTrainer}. */
export interface AdversarialTrainerOptions {
  generator: tf.LayersModel;
  discriminator: tf.LayersModel;
  latentDim: number;
  generatorOptimizer: tf.Optimizer;
  discriminatorOptimizer: tf.Optimizer;
  /** Discriminator steps per generator step (default 1). */
  nCritic?: number;
  /** Latents per generator step (use the real batch size). */
  batchSize: number;
}

/** Losses of one adversarial step. */
export interface AdversarialLosses {
  d: number;
  g: number;
}

function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}

/** Non-saturating GAN loop: `nCritic` discriminator updates, then one generator update. */
export class AdversarialTrainer {
  readonly generator: tf.LayersModel;
  readonly discriminator: tf.LayersModel;
  readonly latentDim: number;
  readonly nCritic: number;
  readonly batchSize: number;
  private readonly gOptimizer: tf.Optimizer;
  private readonly dOptimizer: tf.Optimizer;

  constructor(options: AdversarialTrainerOptions) {
    this.generator = options.generator;
    this.discriminator = options.discriminator;
    this.latentDim = options.latentDim;
    this.nCritic = options.nCritic ?? 1;
    this.batchSize = options.batchSize;
    this.gOptimizer = options.generatorOptimizer;
    this.dOptimizer = options.discriminatorOptimizer;
    if (!Number.isInteger(this.nCritic) || this.nCritic < 1) throw new Error(`nCritic must be a positive integer, got ${this.nCritic}`);
  }

  /** Latent vectors drawn from `rng`, shape [n, latentDim]. */
  latents(n: number, rng: Rng): tf.Tensor2D {
    return tf.tensor2d(rng.normals(n * this.latentDim), [n, this.latentDim]);
  }

  /**
   * One generator step preceded by `nCritic` discriminator steps.
   * `nextBatch` returns real images in the generator's output range; the
   * trainer disposes them.
   */
  step(nextBatch: () => tf.Tensor4D, rng: Rng): AdversarialLosses {
    const dVars = trainableVariables(this.discriminator);
    const gVars = trainableVariables(this.generator);
    let dLoss = 0;
    for (let k = 0; k < this.nCritic; k++) {
      const real = nextBatch();
      const z = this.latents(real.shape[0], rng);
      const cost = this.dOptimizer.minimize(() => {
        const fake = this.generator.apply(z, { training: true }) as tf.Tensor;
        const realLogits = this.discriminator.apply(real, { training: true }) as tf.Tensor;
        const fakeLogits = this.discriminator.apply(fake, { training: true }) as tf.Tensor;
        return discriminatorLoss(realLogits, fakeLogits);
      }, true, dVars);
      dLoss = cost === null ? NaN : cost.dataSync()[0]!;
      tf.dispose([real, z, cost ?? []]);
    }
    const z = this.latents(this.batchSize, rng);
    const cost = this.gOptimizer.minimize(() => {
      const fake = this.generator.apply(z, { training: true }) as tf.Tensor;
      return generatorLoss(this.discriminator.apply(fake, { training: true }) as tf.Tensor);
    }, true, gVars);
    const gLoss = cost === null ? NaN : cost.dataSync()[0]!;
    tf.dispose([z, cost ?? []]);
    return { d: dLoss, g: gLoss };
  }

  /** Generator samples in [0, 1] for `n` latents from `rng` (inference mode). */
  sample(n: number, rng: Rng): tf.Tensor4D {
    return tf.tidy(() => {
      const images = this.generator.apply(this.latents(n, rng), { training: false }) as tf.Tensor4D;
      return tf.div(tf.add(images, 1), 2) as tf.Tensor4D;
    });
  }
}
