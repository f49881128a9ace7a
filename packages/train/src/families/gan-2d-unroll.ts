import * as tf from '@tensorflow/tfjs';
import type { MlpWeights } from '../models/mlp-2d.js';

/**
 * Unrolled GAN (Metz et al. 2017): the discriminator's weights after `steps` plain gradient-descent
 * updates θ ← θ − η ∇θ L_D(θ), each on a fresh batch, computed inside the caller's gradient so that
 * the generator's gradient flows through every update (the second-order term included). The paper
 * unrolls Adam; this unrolls SGD with step size `learningRate` — the common simplification.
 */
export function unrolledWeights(start: MlpWeights, unroll: { steps: number; learningRate: number }, discriminatorLoss: (weights: MlpWeights) => tf.Scalar): tf.Tensor[] {
  let weights: tf.Tensor[] = [...start];
  for (let i = 0; i < unroll.steps; i++) {
    const gradients = tf.grads((...w: tf.Tensor[]) => discriminatorLoss(w))(weights);
    weights = weights.map((w, j) => tf.sub(w, tf.mul(unroll.learningRate, gradients[j]!)));
  }
  return weights;
}
