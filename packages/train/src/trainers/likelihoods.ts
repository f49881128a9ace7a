import * as tf from '@tensorflow/tfjs';
import { bernoulliNll } from './losses.js';

/** Decoder likelihoods a run may choose with `--likelihood`. */
export const LIKELIHOOD_NAMES = ['bernoulli', 'gaussian'] as const;
/** A likelihood name from {@link LIKELIHOOD_NAMES}. */
export type LikelihoodName = (typeof LIKELIHOOD_NAMES)[number];

/**
 * Fixed standard deviation of the Gaussian likelihood, in pixel units ([0, 1]). Not learned: with σ fixed the
 * reconstruction term is 1/(2σ²) = 50 × the summed squared error plus a constant, comparable in strength to
 * the Bernoulli cross-entropy, and the ELBO stays a plain continuous density.
 */
export const GAUSSIAN_SIGMA = 0.1;

/** 0.5 · log(2πσ²): the per-pixel normalising constant of the Gaussian likelihood. */
const GAUSSIAN_LOG_NORMALIZER = 0.5 * Math.log(2 * Math.PI * GAUSSIAN_SIGMA * GAUSSIAN_SIGMA);

/** Negative log-likelihood in nats, summed over pixels, one value per image; `decoded` is the decoder's output in [0, 1]. */
export type ImageNll = (targets: tf.Tensor, decoded: tf.Tensor) => tf.Tensor1D;

/**
 * Gaussian negative log-density N(targets; decoded, σ² I) summed over pixels, one value per image. A continuous
 * density over [0, 1] intensities (no dequantization), so it can be negative.
 */
export function gaussianNll(targets: tf.Tensor, decoded: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const perPixel = tf.add(tf.div(tf.square(tf.sub(targets, decoded)), 2 * GAUSSIAN_SIGMA * GAUSSIAN_SIGMA), GAUSSIAN_LOG_NORMALIZER);
    return tf.sum(tf.reshape(perPixel, [perPixel.shape[0]!, -1]), 1) as tf.Tensor1D;
  });
}

/** The per-image NLL of a likelihood, by name. */
export function likelihoodNll(name: LikelihoodName): ImageNll {
  return name === 'gaussian' ? gaussianNll : bernoulliNll;
}

/** Mean squared error per pixel, one value per image. */
export function meanSquaredError(targets: tf.Tensor, decoded: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const squared = tf.square(tf.sub(targets, decoded));
    return tf.mean(tf.reshape(squared, [squared.shape[0]!, -1]), 1) as tf.Tensor1D;
  });
}
