import * as tf from '@tensorflow/tfjs';
import type { GanLoss } from '../losses/gan-loss.js';
import { DEFAULT_GAN_LOSS, getGanLoss } from '../losses/registry.js';
import type { Rng } from '../random/rng.js';
import { featureExtractor, featureMatchingLoss, type FeatureMatchingOptions } from '../regularizers/feature-matching.js';
import { gradientPenalty, type GradientPenaltyOptions } from '../regularizers/gradient-penalty.js';
import { addInstanceNoise, instanceNoiseStd, type InstanceNoiseOptions } from '../regularizers/instance-noise.js';
import { clipWeights } from '../regularizers/weight-clipping.js';
import { oneHotLabels } from './cvae-trainer.js';

/** Real images with their class labels, what a class-conditional trainer's `nextBatch` returns. */
export interface LabeledBatch {
  images: tf.Tensor4D;
  labels: Uint8Array;
}

/** What a loss-term hook sees: the tensors of the current update (owned by the trainer). */
export interface LossTermContext {
  real: tf.Tensor;
  fake: tf.Tensor;
  /** Discriminator outputs on real (discriminator updates only) and fake inputs. */
  realOutputs?: tf.Tensor;
  fakeOutputs: tf.Tensor;
  /** One-hot labels of the real and fake inputs (class-conditional trainers only). */
  realLabels?: tf.Tensor2D | undefined;
  fakeLabels?: tf.Tensor2D | undefined;
  step: number;
  rng: Rng;
}

/** Extra named loss terms, added to a network's loss and reported with the step's losses. */
export type LossTermHook = (context: LossTermContext) => Record<string, tf.Scalar>;

/** Inputs of an {@link AdversarialTrainer}. */
export interface AdversarialTrainerOptions {
  generator: tf.LayersModel;
  discriminator: tf.LayersModel;
  latentDim: number;
  /**
   * Classes of a class-conditional GAN: the generator then takes `[z, onehot(y)]`, the discriminator
   * `[x, onehot(y)]` (float32, [n, classes]), and `nextBatch` must return {@link LabeledBatch}es.
   */
  classes?: number;
  generatorOptimizer: tf.Optimizer;
  discriminatorOptimizer: tf.Optimizer;
  /** Discriminator steps per generator step (default 1). */
  nCritic?: number;
  /** Latents per generator step (use the real batch size). */
  batchSize: number;
  /** Adversarial loss, or its registry name (default `non-saturating`). */
  loss?: GanLoss | string;
  /** One-sided label smoothing: real targets become 1 − this (cross-entropy and least-squares losses). */
  labelSmoothing?: number;
  /** WGAN weight clipping of every discriminator variable after each discriminator update. */
  weightClip?: number;
  /** WGAN-GP gradient penalty added to the discriminator loss (reported as `gp`). */
  gradientPenalty?: GradientPenaltyOptions;
  /** Gaussian noise on the discriminator's real and fake inputs. */
  instanceNoise?: InstanceNoiseOptions;
  /** Feature matching term in the generator loss (reported as `fm`). */
  featureMatching?: FeatureMatchingOptions;
  /** Extra loss terms per network. */
  hooks?: { discriminator?: LossTermHook; generator?: LossTermHook };
  /**
   * Run the discriminator once on real and fake concatenated (one batch of 2B) instead of twice.
   * The same math with larger, faster matrix multiplies, but only for discriminators without
   * batch statistics (no batch norm): with them it changes the model.
   */
  jointDiscriminatorBatch?: boolean;
  /**
   * Also report per step `dFake`, the mean probability σ(D(G(z))) the discriminator gives the fakes of the
   * generator update, and `gGrad`, the global L2 norm of the generator's gradient: together they show a
   * saturating generator loss (D confident, gradient vanishing). Two scalars read back per step.
   */
  diagnostics?: boolean;
}

/** Losses of one adversarial step: `d` and `g` (totals) plus any named terms. */
export interface AdversarialLosses {
  d: number;
  g: number;
  [term: string]: number;
}

function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}

/**
 * The generic adversarial loop: `nCritic` discriminator updates, then one generator update, each
 * with its own optimizer, for any {@link GanLoss}, with optional regularizers and hook terms.
 */
export class AdversarialTrainer {
  readonly generator: tf.LayersModel;
  readonly discriminator: tf.LayersModel;
  readonly latentDim: number;
  /** Set for a class-conditional GAN. */
  readonly classes: number | undefined;
  readonly nCritic: number;
  readonly batchSize: number;
  readonly loss: GanLoss;
  private readonly options: AdversarialTrainerOptions;
  private readonly gOptimizer: tf.Optimizer;
  private readonly dOptimizer: tf.Optimizer;
  private readonly features: tf.LayersModel | undefined;
  private stepsTaken = 0;

  constructor(options: AdversarialTrainerOptions) {
    this.options = options;
    this.generator = options.generator;
    this.discriminator = options.discriminator;
    this.latentDim = options.latentDim;
    this.classes = options.classes;
    if (this.classes !== undefined && !(Number.isInteger(this.classes) && this.classes >= 2 && this.classes <= 256)) {
      throw new Error(`classes must be an integer in [2, 256], got ${this.classes}`);
    }
    this.nCritic = options.nCritic ?? 1;
    this.batchSize = options.batchSize;
    this.gOptimizer = options.generatorOptimizer;
    this.dOptimizer = options.discriminatorOptimizer;
    this.loss = typeof options.loss === 'object' ? options.loss : getGanLoss(options.loss ?? DEFAULT_GAN_LOSS);
    if (!Number.isInteger(this.nCritic) || this.nCritic < 1) throw new Error(`nCritic must be a positive integer, got ${this.nCritic}`);
    const smoothing = options.labelSmoothing ?? 0;
    if (!(smoothing >= 0 && smoothing < 1)) throw new Error(`label smoothing must be in [0, 1), got ${smoothing}`);
    if (smoothing > 0 && !this.loss.supportsLabelSmoothing) throw new Error(`loss '${this.loss.name}' does not support label smoothing`);
    if (options.weightClip !== undefined && !(options.weightClip > 0)) throw new Error(`weight clip must be positive, got ${options.weightClip}`);
    if (options.gradientPenalty !== undefined && !(options.gradientPenalty.weight >= 0)) {
      throw new Error(`gradient penalty weight must be ≥ 0, got ${options.gradientPenalty.weight}`);
    }
    if (options.instanceNoise !== undefined) instanceNoiseStd(options.instanceNoise, 0);
    this.features = options.featureMatching === undefined ? undefined : featureExtractor(this.discriminator, options.featureMatching.layer);
  }

  /** Latent vectors drawn from `rng`, shape [n, latentDim]. */
  latents(n: number, rng: Rng): tf.Tensor2D {
    return tf.tensor2d(rng.normals(n * this.latentDim), [n, this.latentDim]);
  }

  /** One-hot float32 rows [n, classes] of class labels (class-conditional trainers only). */
  labelsOneHot(labels: ArrayLike<number>): tf.Tensor2D {
    return oneHotLabels(labels, this.requireClasses());
  }

  /** `n` class labels drawn uniformly from `rng` (class-conditional trainers only). */
  randomLabels(n: number, rng: Rng): Uint8Array {
    const classes = this.requireClasses();
    return Uint8Array.from({ length: n }, () => rng.nextInt(classes));
  }

  private requireClasses(): number {
    if (this.classes === undefined) throw new Error('labels need a class-conditional trainer (set the classes option)');
    return this.classes;
  }

  /** A network's input: the tensor alone, or with its one-hot labels for a conditional GAN. */
  private static withLabels(x: tf.Tensor, labels: tf.Tensor2D | undefined): tf.Tensor | tf.Tensor[] {
    return labels === undefined ? x : [x, labels];
  }

  /** Fresh uniform one-hot labels for `n` fakes, or undefined for an unconditional GAN. */
  private fakeLabels(n: number, rng: Rng): tf.Tensor2D | undefined {
    return this.classes === undefined ? undefined : this.labelsOneHot(this.randomLabels(n, rng));
  }

  /** The next real images and, for a conditional GAN, their one-hot labels. */
  private realBatch(nextBatch: () => tf.Tensor4D | LabeledBatch): { images: tf.Tensor4D; labels: tf.Tensor2D | undefined } {
    const batch = nextBatch();
    if (!('images' in batch && 'labels' in batch)) {
      if (this.classes === undefined) return { images: batch, labels: undefined };
      batch.dispose();
      throw new Error('a class-conditional GAN needs labeled batches ({ images, labels }) from nextBatch');
    }
    if (this.classes === undefined) return { images: batch.images, labels: undefined };
    if (batch.labels.length !== batch.images.shape[0]) {
      batch.images.dispose();
      throw new Error(`labeled batch has ${batch.images.shape[0]} images but ${batch.labels.length} labels`);
    }
    return { images: batch.images, labels: this.labelsOneHot(batch.labels) };
  }

  /**
   * One generator step preceded by `nCritic` discriminator steps.
   * `nextBatch` returns real images in the generator's output range (with their labels for a
   * class-conditional trainer); the trainer disposes them. Fakes get labels drawn uniformly from `rng`.
   * `stepIndex` (default: steps taken by this trainer) drives schedules such as instance-noise annealing.
   */
  step(nextBatch: () => tf.Tensor4D | LabeledBatch, rng: Rng, stepIndex = this.stepsTaken): AdversarialLosses {
    const dVars = trainableVariables(this.discriminator);
    const gVars = trainableVariables(this.generator);
    const { gradientPenalty: gp, instanceNoise, featureMatching, hooks } = this.options;
    const noiseStd = instanceNoise === undefined ? 0 : instanceNoiseStd(instanceNoise, stepIndex);
    const realLabel = 1 - (this.options.labelSmoothing ?? 0);
    const { withLabels } = AdversarialTrainer;
    const D = (x: tf.Tensor, labels?: tf.Tensor2D): tf.Tensor => this.discriminator.apply(withLabels(x, labels), { training: true }) as tf.Tensor;
    const G = (z: tf.Tensor, labels?: tf.Tensor2D): tf.Tensor => this.generator.apply(withLabels(z, labels), { training: true }) as tf.Tensor;
    const terms: Record<string, number> = {};
    const record = (named: Record<string, tf.Scalar>, into: Map<string, tf.Scalar>): void => {
      for (const [name, value] of Object.entries(named)) {
        if (name === 'd' || name === 'g') throw new Error(`loss term hook returned '${name}', which names a total loss; rename the term`);
        into.set(name, tf.keep(value));
      }
    };
    const readTerms = (kept: Map<string, tf.Scalar>): void => {
      for (const [name, value] of kept) {
        terms[name] = value.dataSync()[0]!;
        value.dispose();
      }
    };

    let dLoss = 0;
    let lastReal: tf.Tensor4D | undefined;
    let lastRealLabels: tf.Tensor2D | undefined;
    for (let k = 0; k < this.nCritic; k++) {
      tf.dispose([lastReal ?? [], lastRealLabels ?? []]);
      const { images: real, labels: realLabels } = this.realBatch(nextBatch);
      lastReal = real;
      lastRealLabels = realLabels;
      const z = this.latents(real.shape[0], rng);
      const fakeLabels = this.fakeLabels(real.shape[0], rng);
      const kept = new Map<string, tf.Scalar>();
      const cost = this.dOptimizer.minimize(() => {
        const fake = G(z, fakeLabels);
        const realIn = noiseStd > 0 ? addInstanceNoise(real, noiseStd, rng) : real;
        const fakeIn = noiseStd > 0 ? addInstanceNoise(fake, noiseStd, rng) : fake;
        let realOutputs: tf.Tensor;
        let fakeOutputs: tf.Tensor;
        if (this.options.jointDiscriminatorBatch === true) {
          const both = D(tf.concat([realIn, fakeIn]), realLabels && tf.concat([realLabels, fakeLabels!]));
          [realOutputs, fakeOutputs] = tf.split(both, [realIn.shape[0]!, fakeIn.shape[0]!]) as [tf.Tensor, tf.Tensor];
        } else {
          realOutputs = D(realIn, realLabels);
          fakeOutputs = D(fakeIn, fakeLabels);
        }
        let total = this.loss.discriminator(realOutputs, fakeOutputs, realLabel === 1 ? {} : { realLabel });
        const extra: Record<string, tf.Scalar> = {};
        // Interpolates keep the real labels: the penalty is on ∇ₓ D(x, y) along real-to-fake lines.
        if (gp !== undefined) extra['gp'] = gradientPenalty((x) => D(x, realLabels), realIn, fakeIn, rng, gp.target);
        Object.assign(extra, hooks?.discriminator?.({ real: realIn, fake: fakeIn, realOutputs, fakeOutputs, realLabels, fakeLabels, step: stepIndex, rng }) ?? {});
        for (const [name, value] of Object.entries(extra)) {
          total = tf.add(total, name === 'gp' ? tf.mul(gp!.weight, value) : value) as tf.Scalar;
        }
        record(extra, kept);
        return total;
      }, true, dVars);
      dLoss = cost === null ? NaN : cost.dataSync()[0]!;
      readTerms(kept);
      tf.dispose([z, fakeLabels ?? [], cost ?? []]);
      if (this.options.weightClip !== undefined) clipWeights(dVars, this.options.weightClip);
    }

    const z = this.latents(this.batchSize, rng);
    const fakeLabels = this.fakeLabels(this.batchSize, rng);
    const kept = new Map<string, tf.Scalar>();
    const cost = this.minimizeGenerator(() => {
      const fake = G(z, fakeLabels);
      const fakeIn = noiseStd > 0 ? addInstanceNoise(fake, noiseStd, rng) : fake;
      const fakeOutputs = D(fakeIn, fakeLabels);
      const extra: Record<string, tf.Scalar> = {};
      if (featureMatching !== undefined) {
        // Real features do not depend on the generator's variables, so no gradient flows through them.
        const realFeatures = this.features!.apply(withLabels(lastReal!, lastRealLabels), { training: true }) as tf.Tensor;
        extra['fm'] = featureMatchingLoss(realFeatures, this.features!.apply(withLabels(fakeIn, fakeLabels), { training: true }) as tf.Tensor);
      }
      Object.assign(extra, hooks?.generator?.({ real: lastReal!, fake: fakeIn, fakeOutputs, realLabels: lastRealLabels, fakeLabels, step: stepIndex, rng }) ?? {});
      let total: tf.Scalar = featureMatching?.replaceAdversarial === true ? tf.scalar(0) : this.loss.generator(fakeOutputs);
      for (const [name, value] of Object.entries(extra)) {
        total = tf.add(total, name === 'fm' ? tf.mul(featureMatching!.weight ?? 1, value) : value) as tf.Scalar;
      }
      record(extra, kept);
      if (this.options.diagnostics === true) kept.set('dFake', tf.keep(tf.mean(tf.sigmoid(fakeOutputs)) as tf.Scalar));
      return total;
    }, gVars, kept);
    const gLoss = cost === null ? NaN : cost.dataSync()[0]!;
    readTerms(kept);
    tf.dispose([z, fakeLabels ?? [], cost ?? [], lastReal ?? [], lastRealLabels ?? []]);
    this.stepsTaken = stepIndex + 1;
    return { d: dLoss, g: gLoss, ...terms };
  }

  /** The generator's `minimize`; with diagnostics on, also keeps its gradient's global L2 norm in `kept` as `gGrad`. */
  private minimizeGenerator(loss: () => tf.Scalar, variables: tf.Variable[], kept: Map<string, tf.Scalar>): tf.Scalar | null {
    if (this.options.diagnostics !== true) return this.gOptimizer.minimize(loss, true, variables);
    const { value, grads } = this.gOptimizer.computeGradients(loss, variables);
    kept.set('gGrad', tf.tidy(() => tf.sqrt(tf.addN(Object.values(grads).map((grad) => tf.sum(tf.square(grad))))) as tf.Scalar));
    this.gOptimizer.applyGradients(variables.map((variable) => ({ name: variable.name, tensor: grads[variable.name]! })));
    tf.dispose(grads);
    return value;
  }

  /**
   * Generator samples in [0, 1] for `n` latents from `rng` (inference mode). A class-conditional
   * generator draws `labels` (default: 0, 1, 2, … cycling through the classes).
   */
  sample(n: number, rng: Rng, labels?: ArrayLike<number>): tf.Tensor4D {
    const classes = this.classes;
    const oneHot = classes === undefined ? undefined : this.labelsOneHot(labels ?? Array.from({ length: n }, (_, i) => i % classes));
    return tf.tidy(() => {
      const images = this.generator.apply(AdversarialTrainer.withLabels(this.latents(n, rng), oneHot), { training: false }) as tf.Tensor4D;
      oneHot?.dispose();
      return tf.div(tf.add(images, 1), 2) as tf.Tensor4D;
    });
  }
}
