import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random/rng.js';
import { registerZeroComparisonGradients } from './zero-comparison-gradients.js';

/** WGAN-GP settings (Gulrajani et al. 2017). */
export interface GradientPenaltyOptions {
  /** λ, the penalty's weight (the paper uses 10). */
  weight: number;
  /** Target gradient norm (default 1). */
  target?: number;
}

/**
 * E[(‖∇ₓ D(x̂)‖₂ − target)²] at x̂ = ε·real + (1 − ε)·fake, one ε ~ U[0, 1) per example from `rng`.
 * Differentiable with respect to D's weights (a second-order gradient), so call it inside the
 * discriminator's loss function.
 */
export function gradientPenalty(
  discriminator: (x: tf.Tensor) => tf.Tensor,
  real: tf.Tensor,
  fake: tf.Tensor,
  rng: Rng,
  target = 1,
): tf.Scalar {
  registerZeroComparisonGradients();
  const batch = real.shape[0]!;
  const epsilons = Float32Array.from({ length: batch }, () => rng.nextFloat());
  return tf.tidy(() => {
    const epsilon = tf.tensor(epsilons, [batch, ...real.shape.slice(1).map(() => 1)]);
    const mixed = tf.add(tf.mul(epsilon, real), tf.mul(tf.sub(1, epsilon), fake));
    const gradient = tf.grad((x: tf.Tensor) => tf.sum(discriminator(x)))(mixed);
    const axes = gradient.shape.slice(1).map((_, i) => i + 1);
    const norms = tf.sqrt(tf.add(tf.sum(tf.square(gradient), axes), 1e-12));
    return tf.mean(tf.square(tf.sub(norms, target))) as tf.Scalar;
  });
}
