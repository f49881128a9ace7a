import * as tf from '@tensorflow/tfjs';

/**
 * Exponential moving average of a model's weights, kept in a second model of the same architecture:
 * after each update, target ← decay · target + (1 − decay) · source, for every weight including batch-norm
 * statistics. Sampling from the averaged generator (as BigGAN and StyleGAN do) smooths out the
 * step-to-step oscillation of GAN training and gives visibly cleaner samples at no training cost.
 */
export class WeightEma {
  constructor(
    readonly source: tf.LayersModel,
    readonly target: tf.LayersModel,
    readonly decay: number,
  ) {
    if (!(decay > 0 && decay < 1)) throw new Error(`EMA decay must be in (0, 1), got ${decay}`);
    const mismatch = source.weights.findIndex((weight, index) => weight.shape.join() !== target.weights[index]?.shape.join());
    if (source.weights.length !== target.weights.length || mismatch >= 0) {
      throw new Error(`EMA target ${target.name} does not have the weights of ${source.name}`);
    }
  }

  /** A target initialised with the source's current weights, for `build` = the source's builder. */
  static startingFrom(source: tf.LayersModel, build: () => tf.LayersModel, decay: number): WeightEma {
    const target = build();
    target.setWeights(source.getWeights());
    return new WeightEma(source, target, decay);
  }

  /**
   * One averaging step. With `step` (the training steps taken before this one) the decay ramps up as
   * min(decay, (1 + step) / (10 + step)), the `num_updates` rule of TensorFlow's ExponentialMovingAverage: without it a
   * 0.999 average is still 45 % initial weights after 800 steps, and a short run's samples come out as grey noise
   * while its raw generator already draws shapes.
   */
  update(step?: number): void {
    const decay = step === undefined ? this.decay : rampedDecay(this.decay, step);
    tf.tidy(() => {
      this.target.weights.forEach((weight, index) => {
        const current = this.source.weights[index]!.read();
        weight.write(tf.add(tf.mul(weight.read(), decay), tf.mul(current, 1 - decay)));
      });
    });
  }
}

/** The decay used at `step`: the ramp (1 + step) / (10 + step), capped at `decay`. */
export function rampedDecay(decay: number, step: number): number {
  if (!(Number.isInteger(step) && step >= 0)) throw new Error(`EMA step must be a whole number ≥ 0, got ${step}`);
  return Math.min(decay, (1 + step) / (10 + step));
}
