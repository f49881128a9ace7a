import * as tf from '@tensorflow/tfjs';
import type { GanLoss } from './gan-loss.js';

function noLabelSmoothing(name: string, realLabel: number | undefined): void {
  if (realLabel !== undefined && realLabel !== 1) throw new Error(`loss '${name}' does not support label smoothing`);
}

/** Arjovsky et al. 2017: the critic minimizes E[D(fake)] − E[D(real)]; G minimizes −E[D(G(z))]. Needs a Lipschitz constraint (clipping, GP, SN). */
export const wassersteinLoss: GanLoss = {
  name: 'wasserstein',
  description: 'Wasserstein critic loss (pair with weight clipping, gradient penalty or spectral norm)',
  supportsLabelSmoothing: false,
  discriminator: (real, fake, options) => {
    noLabelSmoothing('wasserstein', options?.realLabel);
    return tf.tidy(() => tf.sub(tf.mean(fake), tf.mean(real)) as tf.Scalar);
  },
  generator: (fake) => tf.tidy(() => tf.neg(tf.mean(fake)) as tf.Scalar),
};

/** Lim & Ye 2017 / Miyato et al. 2018: D minimizes E[relu(1 − D(real))] + E[relu(1 + D(fake))]; G minimizes −E[D(G(z))]. */
export const hingeLoss: GanLoss = {
  name: 'hinge',
  description: 'hinge loss (SN-GAN, BigGAN)',
  supportsLabelSmoothing: false,
  discriminator: (real, fake, options) => {
    noLabelSmoothing('hinge', options?.realLabel);
    return tf.tidy(() => tf.add(tf.mean(tf.relu(tf.sub(1, real))), tf.mean(tf.relu(tf.add(1, fake)))) as tf.Scalar);
  },
  generator: (fake) => tf.tidy(() => tf.neg(tf.mean(fake)) as tf.Scalar),
};

/** Mao et al. 2017 (a = 0, b = c = 1): D minimizes ½E[(D(real) − 1)²] + ½E[D(fake)²]; G minimizes ½E[(D(G(z)) − 1)²]. */
export const leastSquaresLoss: GanLoss = {
  name: 'least-squares',
  description: 'least-squares GAN (targets 0 for fake, 1 for real)',
  supportsLabelSmoothing: true,
  discriminator: (real, fake, options) =>
    tf.tidy(() => tf.mul(0.5, tf.add(tf.mean(tf.square(tf.sub(real, options?.realLabel ?? 1))), tf.mean(tf.square(fake)))) as tf.Scalar),
  generator: (fake) => tf.tidy(() => tf.mul(0.5, tf.mean(tf.square(tf.sub(fake, 1)))) as tf.Scalar),
};
