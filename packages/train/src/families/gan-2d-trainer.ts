import * as tf from '@tensorflow/tfjs';
import type { GanLoss } from '../losses/gan-loss.js';
import { getGanLoss } from '../losses/registry.js';
import { FunctionalMlp, type MlpWeights } from '../models/mlp-2d.js';
import { SpectralNorm } from '../models/spectral-norm-2d.js';
import type { Rng } from '../random/rng.js';
import { gradientPenalty } from '../regularizers/gradient-penalty.js';
import { clipWeights } from '../regularizers/weight-clipping.js';
import { packSamples } from './gan-2d-pack.js';
import { adamState, unrolledAdamWeights, unrolledWeights, type DiscriminatorLossAt } from './gan-2d-unroll.js';

/** Source of real 2-D points: `n` rows of [n, 2], owned by the caller. */
export type PointBatches = (n: number, rng: Rng) => tf.Tensor2D;

/** Inputs of a {@link PointGanTrainer}. */
export interface PointGanTrainerOptions {
  generator: tf.LayersModel;
  discriminator: FunctionalMlp;
  latentDim: number;
  generatorOptimizer: tf.Optimizer;
  discriminatorOptimizer: tf.Optimizer;
  /** Discriminator inputs per update: with packing each input is `pack` samples, so B·pack points are drawn. */
  batchSize: number;
  loss: string;
  nCritic?: number;
  /** PacGAN degree m: D judges m samples concatenated into one 2m-vector (default 1, no packing). */
  pack?: number;
  /**
   * Unrolled GAN: G's loss is taken against D after `steps` differentiable D steps (default 0): SGD steps of
   * `learningRate`, or with `optimizer: 'adam'` the updates D's Adam optimizer would make (its rate and moments).
   */
  unrolled?: { steps: number; learningRate: number; optimizer?: 'adam' };
  weightClip?: number;
  gradientPenalty?: number;
  spectralNorm?: boolean;
  /** `hidden`: spectral norm on every layer but the output one. */
  spectralNormLayers?: 'hidden';
  /** Seed of the spectral-norm power iteration's start vectors. */
  seed?: number;
  labelSmoothing?: number;
}

/**
 * A GAN on 2-D points with an MLP discriminator written as a function of its weights, which is what
 * packing, spectral normalization and differentiating through unrolled D updates need. Any loss of the
 * registry; WGAN clipping, gradient penalty (on packed inputs) and n_critic as in the image trainer.
 */
export class PointGanTrainer {
  readonly loss: GanLoss;
  readonly pack: number;
  readonly nCritic: number;
  private readonly options: PointGanTrainerOptions;
  private readonly spectral: SpectralNorm | undefined;

  constructor(options: PointGanTrainerOptions) {
    this.options = options;
    this.loss = getGanLoss(options.loss);
    this.pack = options.pack ?? 1;
    this.nCritic = options.nCritic ?? 1;
    if (!Number.isInteger(this.pack) || this.pack < 1) throw new Error(`pack must be a positive integer, got ${this.pack}`);
    if (!Number.isInteger(this.nCritic) || this.nCritic < 1) throw new Error(`nCritic must be a positive integer, got ${this.nCritic}`);
    if (options.discriminator.shape.input !== 2 * this.pack) {
      throw new Error(`a pack of ${this.pack} needs a discriminator with ${2 * this.pack} inputs, got ${options.discriminator.shape.input}`);
    }
    const unroll = options.unrolled;
    if (unroll !== undefined && (!Number.isInteger(unroll.steps) || unroll.steps < 0 || !(unroll.learningRate > 0))) {
      throw new Error(`unrolling needs an integer step count ≥ 0 and a positive step size, got ${unroll.steps} and ${unroll.learningRate}`);
    }
    const smoothing = options.labelSmoothing ?? 0;
    if (smoothing > 0 && !this.loss.supportsLabelSmoothing) throw new Error(`loss '${this.loss.name}' does not support label smoothing`);
    this.spectral = options.spectralNorm === true ? new SpectralNorm(options.discriminator.variables, options.seed ?? 0, options.spectralNormLayers === 'hidden') : undefined;
  }

  /** Standard normal latents, [n, latentDim]. */
  latents(n: number, rng: Rng): tf.Tensor2D {
    return tf.tensor2d(rng.normals(n * this.options.latentDim), [n, this.options.latentDim]);
  }

  /** D's output at `weights` (spectrally normalized when enabled) on packed inputs. */
  private judge(packed: tf.Tensor, weights: MlpWeights = this.options.discriminator.variables): tf.Tensor {
    return this.options.discriminator.apply(packed, this.spectral ? this.spectral.normalize(weights) : weights);
  }

  private discriminatorLoss(real: tf.Tensor, fake: tf.Tensor, weights?: MlpWeights): tf.Scalar {
    const realLabel = 1 - (this.options.labelSmoothing ?? 0);
    return this.loss.discriminator(this.judge(real, weights), this.judge(fake, weights), realLabel === 1 ? {} : { realLabel });
  }

  private fakes(n: number, rng: Rng): tf.Tensor {
    const z = this.latents(n, rng);
    const points = this.options.generator.apply(z, { training: true }) as tf.Tensor;
    z.dispose();
    return points;
  }

  /** `nCritic` discriminator updates, then one generator update; returns the last losses. */
  step(realBatches: PointBatches, rng: Rng): { d: number; g: number } {
    const { batchSize, discriminator, generator, gradientPenalty: gpWeight, weightClip, unrolled } = this.options;
    const points = batchSize * this.pack;
    let d = NaN;
    for (let k = 0; k < this.nCritic; k++) {
      const real = realBatches(points, rng);
      this.spectral?.refresh(discriminator.variables);
      const cost = this.options.discriminatorOptimizer.minimize(
        () => {
          const realPacked = packSamples(real, this.pack);
          const fakePacked = packSamples(this.fakes(points, rng), this.pack);
          let total = this.discriminatorLoss(realPacked, fakePacked);
          if (gpWeight !== undefined && gpWeight > 0) {
            total = tf.add(total, tf.mul(gpWeight, gradientPenalty((x) => this.judge(x), realPacked, fakePacked, rng))) as tf.Scalar;
          }
          return total;
        },
        true,
        discriminator.variables,
      );
      d = cost?.dataSync()[0] ?? NaN;
      tf.dispose([real, cost ?? []]);
      if (weightClip !== undefined) clipWeights(discriminator.variables, weightClip);
    }
    const generatorVariables = generator.trainableWeights.map((w) => w.read() as tf.Variable);
    const cost = this.options.generatorOptimizer.minimize(
      () => {
        const weights =
          unrolled === undefined || unrolled.steps === 0
            ? discriminator.variables
            : this.unrolledDiscriminator(unrolled, (w) => {
                const real = realBatches(points, rng);
                const loss = this.discriminatorLoss(packSamples(real, this.pack), packSamples(this.fakes(points, rng), this.pack), w);
                real.dispose();
                return loss;
              });
        return this.loss.generator(this.judge(packSamples(this.fakes(points, rng), this.pack), weights));
      },
      true,
      generatorVariables,
    );
    const g = cost?.dataSync()[0] ?? NaN;
    cost?.dispose();
    return { d, g };
  }

  private unrolledDiscriminator(unroll: NonNullable<PointGanTrainerOptions['unrolled']>, loss: DiscriminatorLossAt): tf.Tensor[] {
    const { discriminator, discriminatorOptimizer } = this.options;
    if (unroll.optimizer !== 'adam') return unrolledWeights(discriminator.variables, unroll, loss);
    return unrolledAdamWeights(discriminator.variables, adamState(discriminatorOptimizer, discriminator.variables), unroll.steps, loss);
  }

  /** `n` generator samples (inference mode), [n, 2]. */
  sample(n: number, rng: Rng): Float32Array {
    return tf.tidy(() => {
      const z = this.latents(n, rng);
      return (this.options.generator.apply(z, { training: false }) as tf.Tensor).dataSync() as Float32Array;
    });
  }

  dispose(): void {
    this.spectral?.dispose();
  }
}
