import * as tf from '@tensorflow/tfjs-core';

/** x / max(‖x‖₂, 1e-6) along the last axis (the tf.math.l2_normalize formula, epsilon 1e-12 on the square). */
export function l2Normalize(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(x, tf.rsqrt(tf.maximum(tf.sum(tf.square(x), -1, true), 1e-12))));
}

/** The value of `x` with no gradient flowing back through it. */
export const stopGradient = tf.customGrad((x) => {
  const input = x as tf.Tensor;
  return { value: tf.clone(input), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) };
}) as (x: tf.Tensor) => tf.Tensor;
