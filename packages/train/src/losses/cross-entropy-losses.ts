import * as tf from '@tensorflow/tfjs';
import { checkRealLabel, type GanLoss } from './gan-loss.js';

/**
 * Binary cross-entropy of a logit against target t: −t·log σ(x) − (1 − t)·log(1 − σ(x))
 * = t·softplus(−x) + (1 − t)·softplus(x), averaged.
 */
function crossEntropy(logits: tf.Tensor, target: number): tf.Tensor {
  if (target === 1) return tf.mean(tf.softplus(tf.neg(logits)));
  return tf.mean(tf.add(tf.mul(target, tf.softplus(tf.neg(logits))), tf.mul(1 - target, tf.softplus(logits))));
}

function discriminatorCrossEntropy(real: tf.Tensor, fake: tf.Tensor, realLabel = 1): tf.Scalar {
  checkRealLabel(realLabel);
  return tf.tidy(() => tf.add(crossEntropy(real, realLabel), tf.mean(tf.softplus(fake))) as tf.Scalar);
}

/** Goodfellow et al. 2014 as written: G minimizes E[log(1 − σ(D(G(z))))] = −E[softplus(D(G(z)))]. */
export const minimaxLoss: GanLoss = {
  name: 'minimax',
  description: 'original minimax GAN: G minimizes log(1 − D(G(z))) (saturates early in training)',
  supportsLabelSmoothing: true,
  discriminator: (real, fake, options) => discriminatorCrossEntropy(real, fake, options?.realLabel),
  generator: (fake) => tf.tidy(() => tf.neg(tf.mean(tf.softplus(fake))) as tf.Scalar),
};

/** Goodfellow et al. 2014's heuristic: G maximizes log σ(D(G(z))), i.e. minimizes E[softplus(−D(G(z)))]. */
export const nonSaturatingLoss: GanLoss = {
  name: 'non-saturating',
  description: 'non-saturating GAN: G minimizes −log D(G(z))',
  supportsLabelSmoothing: true,
  discriminator: (real, fake, options) => discriminatorCrossEntropy(real, fake, options?.realLabel),
  generator: (fake) => tf.tidy(() => tf.mean(tf.softplus(tf.neg(fake))) as tf.Scalar),
};
