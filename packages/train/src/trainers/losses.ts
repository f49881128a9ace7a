import * as tf from '@tensorflow/tfjs';

/** Non-saturating GAN discriminator loss: mean of softplus(-D(real)) + softplus(D(fake)). */
export function discriminatorLoss(realLogits: tf.Tensor, fakeLogits: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.add(tf.mean(tf.softplus(tf.neg(realLogits))), tf.mean(tf.softplus(fakeLogits))) as tf.Scalar);
}

/** Non-saturating GAN generator loss: mean of softplus(-D(G(z))) = -log sigmoid(D(G(z))). */
export function generatorLoss(fakeLogits: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.softplus(tf.neg(fakeLogits))) as tf.Scalar);
}

const PROBABILITY_EPSILON = 1e-7;

/** Bernoulli negative log-likelihood (binary cross-entropy) summed over pixels, one value per image. */
export function bernoulliNll(targets: tf.Tensor, probabilities: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const p = tf.clipByValue(probabilities, PROBABILITY_EPSILON, 1 - PROBABILITY_EPSILON);
    const perPixel = tf.neg(tf.add(tf.mul(targets, tf.log(p)), tf.mul(tf.sub(1, targets), tf.log(tf.sub(1, p)))));
    return tf.sum(tf.reshape(perPixel, [perPixel.shape[0]!, -1]), 1) as tf.Tensor1D;
  });
}

/** KL(N(mean, exp(logvar)) ‖ N(0, I)) per example. */
export function gaussianKl(mean: tf.Tensor, logvar: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() =>
    tf.mul(-0.5, tf.sum(tf.sub(tf.sub(tf.add(1, logvar), tf.square(mean)), tf.exp(logvar)), 1)) as tf.Tensor1D,
  );
}

/** Reparameterisation: mean + exp(logvar / 2) · eps, with eps drawn outside any model. */
export function reparameterize(mean: tf.Tensor, logvar: tf.Tensor, eps: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.add(mean, tf.mul(tf.exp(tf.mul(0.5, logvar)), eps)));
}
