import * as tf from '@tensorflow/tfjs';
import type { GanLoss } from '../losses/gan-loss.js';
import { getGanLoss } from '../losses/registry.js';

/** Weight λ of the L1 term, as in Isola et al. 2017. */
export const PIX2PIX_L1_WEIGHT = 100;
/** Adversarial loss of both translator families: least squares on the patch scores (targets 1 real, 0 fake). */
export const TRANSLATOR_GAN_LOSS = 'least-squares';

/** Inputs of a {@link Pix2pixTrainer}. */
export interface Pix2pixTrainerOptions {
  /** source → image, both [B, 28, 28, 1] in [-1, 1]. */
  generator: tf.LayersModel;
  /** [source, image] → [B, 7, 7, 1] patch scores; no batch statistics (real and fake pairs share one batch). */
  discriminator: tf.LayersModel;
  generatorOptimizer: tf.Optimizer;
  discriminatorOptimizer: tf.Optimizer;
  /** Weight λ of the L1 term (default {@link PIX2PIX_L1_WEIGHT}). */
  l1Weight?: number;
  /** Adversarial loss or its registry name (default {@link TRANSLATOR_GAN_LOSS}). */
  loss?: GanLoss | string;
}

/** Losses of one pix2pix step: `d`, `g` (adversarial part of G's loss) and `l1` (mean |G(x) − y|, unweighted). */
export interface Pix2pixLosses {
  d: number;
  g: number;
  l1: number;
}

/** Trainable variables of some models. */
export function variablesOf(...models: tf.LayersModel[]): tf.Variable[] {
  return models.flatMap((model) => model.trainableWeights.map((w) => w.read() as tf.Variable));
}

/**
 * pix2pix (Isola et al. 2017): G minimises adversarial + λ·‖G(x) − y‖₁ against a conditional PatchGAN D on (x, y) pairs.
 * Each step runs G forward once: the G update comes first and keeps G(x), and D is then updated on it as a constant
 * (the PyTorch reference reuses one forward pass the same way).
 */
export class Pix2pixTrainer {
  readonly generator: tf.LayersModel;
  readonly discriminator: tf.LayersModel;
  readonly loss: GanLoss;
  readonly l1Weight: number;
  private readonly gOptimizer: tf.Optimizer;
  private readonly dOptimizer: tf.Optimizer;

  constructor(options: Pix2pixTrainerOptions) {
    this.generator = options.generator;
    this.discriminator = options.discriminator;
    this.gOptimizer = options.generatorOptimizer;
    this.dOptimizer = options.discriminatorOptimizer;
    this.loss = typeof options.loss === 'object' ? options.loss : getGanLoss(options.loss ?? TRANSLATOR_GAN_LOSS);
    this.l1Weight = options.l1Weight ?? PIX2PIX_L1_WEIGHT;
    if (!(this.l1Weight >= 0 && Number.isFinite(this.l1Weight))) throw new Error(`L1 weight must be a number ≥ 0, got ${this.l1Weight}`);
  }

  /** One G update, then one D update, on `sources` → `targets` (both in [-1, 1]); the trainer disposes them. */
  step(sources: tf.Tensor4D, targets: tf.Tensor4D): Pix2pixLosses {
    let fake: tf.Tensor | undefined;
    let adversarial = NaN;
    let l1 = NaN;
    const gCost = this.gOptimizer.minimize(() => {
      const generated = this.generator.apply(sources, { training: true }) as tf.Tensor;
      fake = tf.keep(generated);
      const scores = this.discriminator.apply([sources, generated], { training: true }) as tf.Tensor;
      const adv = this.loss.generator(scores);
      const distance = tf.mean(tf.abs(tf.sub(generated, targets))) as tf.Scalar;
      adversarial = adv.dataSync()[0]!;
      l1 = distance.dataSync()[0]!;
      return tf.add(adv, tf.mul(this.l1Weight, distance)) as tf.Scalar;
    }, true, variablesOf(this.generator));
    const n = sources.shape[0];
    const dCost = this.dOptimizer.minimize(() => {
      const scores = this.discriminator.apply([tf.concat([sources, sources]), tf.concat([targets, fake!])], { training: true }) as tf.Tensor;
      const [real, generated] = tf.split(scores, [n, n]);
      return this.loss.discriminator(real!, generated!);
    }, true, variablesOf(this.discriminator));
    const losses = { d: dCost === null ? NaN : dCost.dataSync()[0]!, g: adversarial, l1 };
    tf.dispose([sources, targets, fake ?? [], gCost ?? [], dCost ?? []]);
    return losses;
  }
}
