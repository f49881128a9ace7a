import * as tf from '@tensorflow/tfjs';
import type { GanLoss } from '../losses/gan-loss.js';
import { getGanLoss } from '../losses/registry.js';
import { TRANSLATOR_GAN_LOSS, variablesOf } from './pix2pix-trainer.js';

/** Weight λ of the cycle-consistency term (Zhu et al. 2017). */
export const CYCLE_WEIGHT = 10;
/** Weight of the identity term, as a fraction of λ (Zhu et al. 2017 use 0.5 λ). */
export const IDENTITY_FRACTION = 0.5;

/** Inputs of a {@link CycleGanTrainer}. All four networks are without batch statistics: batches of both domains go through them together. */
export interface CycleGanTrainerOptions {
  /** G: a → b. */
  a2b: tf.LayersModel;
  /** F: b → a. */
  b2a: tf.LayersModel;
  /** D_A: is an image a real domain-a image? [B, 7, 7, 1] patch scores. */
  discriminatorA: tf.LayersModel;
  /** D_B, likewise for domain b. */
  discriminatorB: tf.LayersModel;
  /** Updates G and F together. */
  generatorOptimizer: tf.Optimizer;
  /** Updates D_A and D_B together (their losses are independent, so one optimizer on the sum is two updates). */
  discriminatorOptimizer: tf.Optimizer;
  /** λ of the cycle term (default {@link CYCLE_WEIGHT}). */
  cycleWeight?: number;
  /** Identity weight as a fraction of λ (default {@link IDENTITY_FRACTION}). */
  identityFraction?: number;
  loss?: GanLoss | string;
}

/** Losses of one CycleGAN step: `d` (D_A + D_B), `g` (adversarial part of G + F), `cycle` and `identity` (unweighted L1 sums). */
export interface CycleGanLosses {
  d: number;
  g: number;
  cycle: number;
  identity: number;
}

function l1(x: tf.Tensor, y: tf.Tensor): tf.Scalar {
  return tf.mean(tf.abs(tf.sub(x, y))) as tf.Scalar;
}

/**
 * CycleGAN (Zhu et al. 2017): G and F minimise LSGAN(D_B(G(a))) + LSGAN(D_A(F(b))) + λ(‖F(G(a)) − a‖₁ + ‖G(F(b)) − b‖₁)
 * + 0.5λ(‖G(b) − b‖₁ + ‖F(a) − a‖₁); D_A and D_B minimise the least-squares loss on real images against the fakes of
 * the same step (no image history buffer). The G+F update runs first and keeps G(a) and F(b) for the D update.
 */
export class CycleGanTrainer {
  readonly a2b: tf.LayersModel;
  readonly b2a: tf.LayersModel;
  readonly discriminatorA: tf.LayersModel;
  readonly discriminatorB: tf.LayersModel;
  readonly loss: GanLoss;
  readonly cycleWeight: number;
  readonly identityWeight: number;
  private readonly gOptimizer: tf.Optimizer;
  private readonly dOptimizer: tf.Optimizer;

  constructor(options: CycleGanTrainerOptions) {
    this.a2b = options.a2b;
    this.b2a = options.b2a;
    this.discriminatorA = options.discriminatorA;
    this.discriminatorB = options.discriminatorB;
    this.gOptimizer = options.generatorOptimizer;
    this.dOptimizer = options.discriminatorOptimizer;
    this.loss = typeof options.loss === 'object' ? options.loss : getGanLoss(options.loss ?? TRANSLATOR_GAN_LOSS);
    this.cycleWeight = options.cycleWeight ?? CYCLE_WEIGHT;
    this.identityWeight = this.cycleWeight * (options.identityFraction ?? IDENTITY_FRACTION);
    for (const [what, value] of [['cycle weight', this.cycleWeight], ['identity weight', this.identityWeight]] as const) {
      if (!(value >= 0 && Number.isFinite(value))) throw new Error(`${what} must be a number ≥ 0, got ${value}`);
    }
  }

  /** One G+F update, then one D_A+D_B update, on a batch of each domain (in [-1, 1]); the trainer disposes them. */
  step(a: tf.Tensor4D, b: tf.Tensor4D): CycleGanLosses {
    const na = a.shape[0];
    const nb = b.shape[0];
    let fakeB: tf.Tensor | undefined;
    let fakeA: tf.Tensor | undefined;
    const terms = { g: NaN, cycle: NaN, identity: NaN };
    const gCost = this.gOptimizer.minimize(() => {
      // G on [a; b] gives G(a) and the identity G(b); F on [b; a] gives F(b) and F(a).
      const [gA, gB] = tf.split(this.a2b.apply(tf.concat([a, b]), { training: true }) as tf.Tensor, [na, nb]) as [tf.Tensor, tf.Tensor];
      const [fB, fA] = tf.split(this.b2a.apply(tf.concat([b, a]), { training: true }) as tf.Tensor, [nb, na]) as [tf.Tensor, tf.Tensor];
      fakeB = tf.keep(gA);
      fakeA = tf.keep(fB);
      const adversarial = tf.add(
        this.loss.generator(this.discriminatorB.apply(gA, { training: true }) as tf.Tensor),
        this.loss.generator(this.discriminatorA.apply(fB, { training: true }) as tf.Tensor),
      ) as tf.Scalar;
      const cycle = tf.add(l1(this.b2a.apply(gA, { training: true }) as tf.Tensor, a), l1(this.a2b.apply(fB, { training: true }) as tf.Tensor, b)) as tf.Scalar;
      const identity = tf.add(l1(gB, b), l1(fA, a)) as tf.Scalar;
      terms.g = adversarial.dataSync()[0]!;
      terms.cycle = cycle.dataSync()[0]!;
      terms.identity = identity.dataSync()[0]!;
      return tf.addN([adversarial, tf.mul(this.cycleWeight, cycle), tf.mul(this.identityWeight, identity)]) as tf.Scalar;
    }, true, variablesOf(this.a2b, this.b2a));
    const dCost = this.dOptimizer.minimize(() => {
      const [realA, generatedA] = tf.split(this.discriminatorA.apply(tf.concat([a, fakeA!]), { training: true }) as tf.Tensor, [na, nb]);
      const [realB, generatedB] = tf.split(this.discriminatorB.apply(tf.concat([b, fakeB!]), { training: true }) as tf.Tensor, [nb, na]);
      return tf.add(this.loss.discriminator(realA!, generatedA!), this.loss.discriminator(realB!, generatedB!)) as tf.Scalar;
    }, true, variablesOf(this.discriminatorA, this.discriminatorB));
    const losses = { d: dCost === null ? NaN : dCost.dataSync()[0]!, ...terms };
    tf.dispose([a, b, fakeA ?? [], fakeB ?? [], gCost ?? [], dCost ?? []]);
    return losses;
  }
}
