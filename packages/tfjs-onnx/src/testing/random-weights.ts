import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

/**
 * Gives every weight of `model` seeded random values for parity tests: BatchNormalization statistics get
 * non-trivial means and positive variances away from 1, scale weights ("gamma") stay near 1, and other
 * weights are fan-in scaled.
 */
export function randomizeWeights(model: tfl.LayersModel, seed = 1): void {
  model.weights.forEach((w, i) => {
    const s = seed * 1000 + i;
    const name = w.originalName;
    const shape = w.shape as number[];
    const value = tf.tidy(() => {
      if (name.includes('moving_variance')) return tf.randomUniform(shape, 0.3, 2.5, 'float32', s);
      if (name.includes('moving_mean')) return tf.randomNormal(shape, 0, 0.7, 'float32', s);
      if (name.includes('gamma')) return tf.randomUniform(shape, 0.5, 1.8, 'float32', s);
      if (name.includes('embeddings')) return tf.randomNormal(shape, 0, 1, 'float32', s);
      // Fan-in scaling keeps activations O(1), so float32 rounding stays far below the tolerances.
      const fanIn = shape.length > 1 ? shape.slice(0, -1).reduce((a, b) => a * b, 1) : 1;
      return tf.randomNormal(shape, 0, Math.min(0.5, 1.5 / Math.sqrt(fanIn)), 'float32', s);
    });
    w.write(value);
  });
}
