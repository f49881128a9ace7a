import * as tf from '@tensorflow/tfjs';
import type { GanLoss } from '../losses/gan-loss.js';
import { DEFAULT_GAN_LOSS, getGanLoss } from '../losses/registry.js';
import type { Rng } from '../random/rng.js';

/** Inputs of a {@link BiganTrainer}. */
export interface BiganTrainerOptions {
  /** z → image in [-1, 1]. */
  generator: tf.LayersModel;
  /** image in [-1, 1] → z (one output). */
  encoder: tf.LayersModel;
  /** [image, z] → one raw output per pair. Without batch statistics: real and fake pairs share one batch. */
  discriminator: tf.LayersModel;
  latentDim: number;
  /** Updates the generator and the encoder together. */
  generatorOptimizer: tf.Optimizer;
  discriminatorOptimizer: tf.Optimizer;
  /** Adversarial loss, or its registry name (default `non-saturating`). */
  loss?: GanLoss | string;
  /** One-sided label smoothing of the discriminator's real pairs (cross-entropy and least-squares losses). */
  labelSmoothing?: number;
  /** The latent regression term of the encoder's loss; absent is plain BiGAN. */
  latentCycle?: LatentCycle;
}

/**
 * A latent regression term (the "latent regressor" of Donahue et al. 2017; ALICE's latent cycle, Li et al. 2017):
 * `weight` · ‖E(G(z)) − z‖² (summed over the latent, averaged over the batch) added to the encoder's loss from step
 * `fromStep` on, with G(z) held fixed so that only E learns from it. Keeps E from collapsing onto a few codes, which the
 * adversarial game alone is slow to punish; it needs a G that already draws something E can tell apart, so it may start late.
 */
export interface LatentCycle {
  weight: number;
  /** First step (counting from 0) with the term; default 0. */
  fromStep?: number;
}

/** Losses of one BiGAN step: `d` (discriminator), `g` (generator and encoder jointly, all terms) and `cycle` (the latent cycle error, unweighted). */
export interface BiganLosses {
  d: number;
  g: number;
  cycle: number;
}

function variablesOf(...models: tf.LayersModel[]): tf.Variable[] {
  return models.flatMap((model) => model.trainableWeights.map((w) => w.read() as tf.Variable));
}

/**
 * BiGAN / ALI (Donahue et al. 2017; Dumoulin et al. 2017): the discriminator tells encoder pairs (x, E(x)) from
 * generator pairs (G(z), z), and G and E are trained together against it. G and E minimize the discriminator's
 * loss with the roles of the two pairs swapped, which for the non-saturating loss is
 * softplus(−D(G(z), z)) + softplus(D(x, E(x))): each network is pushed to make its pairs look like the other's.
 * Any loss of the registry works the same way.
 */
export class BiganTrainer {
  readonly generator: tf.LayersModel;
  readonly encoder: tf.LayersModel;
  readonly discriminator: tf.LayersModel;
  readonly latentDim: number;
  readonly loss: GanLoss;
  private readonly realLabel: number;
  private readonly cycle: Required<LatentCycle>;
  private readonly gOptimizer: tf.Optimizer;
  private readonly dOptimizer: tf.Optimizer;

  constructor(options: BiganTrainerOptions) {
    this.generator = options.generator;
    this.encoder = options.encoder;
    this.discriminator = options.discriminator;
    this.latentDim = options.latentDim;
    this.gOptimizer = options.generatorOptimizer;
    this.dOptimizer = options.discriminatorOptimizer;
    this.loss = typeof options.loss === 'object' ? options.loss : getGanLoss(options.loss ?? DEFAULT_GAN_LOSS);
    const smoothing = options.labelSmoothing ?? 0;
    if (!(smoothing >= 0 && smoothing < 1)) throw new Error(`label smoothing must be in [0, 1), got ${smoothing}`);
    if (smoothing > 0 && !this.loss.supportsLabelSmoothing) throw new Error(`loss '${this.loss.name}' does not support label smoothing`);
    this.realLabel = 1 - smoothing;
    this.cycle = { weight: options.latentCycle?.weight ?? 0, fromStep: options.latentCycle?.fromStep ?? 0 };
    if (!(this.cycle.weight >= 0 && Number.isFinite(this.cycle.weight))) throw new Error(`latent cycle weight must be a number ≥ 0, got ${this.cycle.weight}`);
    if (!(Number.isInteger(this.cycle.fromStep) && this.cycle.fromStep >= 0)) throw new Error(`latent cycle start must be an integer step ≥ 0, got ${this.cycle.fromStep}`);
  }

  /** Latent vectors drawn from `rng`, shape [n, latentDim]. */
  latents(n: number, rng: Rng): tf.Tensor2D {
    return tf.tensor2d(rng.normals(n * this.latentDim), [n, this.latentDim]);
  }

  /** D on the encoder pairs and the generator pairs, run as one batch; returns [encoder outputs, generator outputs]. */
  private judge(x: tf.Tensor, ex: tf.Tensor, gz: tf.Tensor, z: tf.Tensor): [tf.Tensor, tf.Tensor] {
    const outputs = this.discriminator.apply([tf.concat([x, gz]), tf.concat([ex, z])], { training: true }) as tf.Tensor;
    return tf.split(outputs, [x.shape[0]!, gz.shape[0]!]) as [tf.Tensor, tf.Tensor];
  }

  /**
   * One discriminator update, then one joint generator + encoder update, on `images` (in [-1, 1]); the trainer disposes them.
   * `stepIndex` (counting from 0) decides whether the latent cycle term is on.
   */
  step(images: tf.Tensor4D, rng: Rng, stepIndex = 0): BiganLosses {
    const cycleWeight = stepIndex >= this.cycle.fromStep ? this.cycle.weight : 0;
    const n = images.shape[0];
    const zD = this.latents(n, rng);
    // G(z) and E(x) are inputs of the discriminator update, not something it trains.
    const [exD, gzD] = tf.tidy(() => [this.encoder.apply(images, { training: true }) as tf.Tensor, this.generator.apply(zD, { training: true }) as tf.Tensor]);
    const options = this.realLabel === 1 ? {} : { realLabel: this.realLabel };
    const dCost = this.dOptimizer.minimize(() => {
      const [encoderPairs, generatorPairs] = this.judge(images, exD!, gzD!, zD);
      return this.loss.discriminator(encoderPairs, generatorPairs, options);
    }, true, variablesOf(this.discriminator));

    const zG = this.latents(n, rng);
    let cycle = 0;
    const gCost = this.gOptimizer.minimize(() => {
      const ex = this.encoder.apply(images, { training: true }) as tf.Tensor;
      const gz = this.generator.apply(zG, { training: true }) as tf.Tensor;
      const [encoderPairs, generatorPairs] = this.judge(images, ex, gz, zG);
      const adversarial = this.loss.discriminator(generatorPairs, encoderPairs);
      if (cycleWeight === 0) return adversarial;
      // On the discriminator update's G(z), a constant here: the term trains E to invert G and leaves G to the adversarial loss.
      const cycleError = tf.mean(tf.sum(tf.square(tf.sub(this.encoder.apply(gzD!, { training: true }) as tf.Tensor, zD)), 1)) as tf.Scalar;
      cycle = cycleError.dataSync()[0]!;
      return tf.add(adversarial, tf.mul(cycleWeight, cycleError)) as tf.Scalar;
    }, true, variablesOf(this.generator, this.encoder));
    const losses = { d: dCost === null ? NaN : dCost.dataSync()[0]!, g: gCost === null ? NaN : gCost.dataSync()[0]!, cycle };
    tf.dispose([images, zD, zG, exD!, gzD!, dCost ?? [], gCost ?? []]);
    return losses;
  }
}
