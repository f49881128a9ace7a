import * as tf from '@tensorflow/tfjs';

/**
 * One f-divergence of Nowozin, Cseke & Tomioka, "f-GAN" (2016), Table 2: the output activation g_f
 * mapping a raw discriminator output v into the domain of the convex conjugate f*, and f*(g_f(v)),
 * written in a form that stays finite for large |v|.
 */
export interface FDivergence {
  /** Short key: `kl`, `reverse-kl`, `jensen-shannon`, `pearson`, `squared-hellinger`, `total-variation`. */
  key: string;
  title: string;
  /** g_f(v). */
  activation(v: tf.Tensor): tf.Tensor;
  /** f*(g_f(v)). */
  conjugateOfActivation(v: tf.Tensor): tf.Tensor;
}

/** The six divergences of the table, by key. */
export const F_DIVERGENCES: readonly FDivergence[] = [
  {
    // g = v, f*(t) = exp(t − 1)
    key: 'kl',
    title: 'Kullback–Leibler',
    activation: (v) => tf.clone(v),
    conjugateOfActivation: (v) => tf.exp(tf.sub(v, 1)),
  },
  {
    // g = −exp(−v), f*(t) = −1 − log(−t)  ⇒  f*(g(v)) = v − 1
    key: 'reverse-kl',
    title: 'reverse Kullback–Leibler',
    activation: (v) => tf.neg(tf.exp(tf.neg(v))),
    conjugateOfActivation: (v) => tf.sub(v, 1),
  },
  {
    // g = log 2 − log(1 + exp(−v)), f*(t) = −log(2 − exp(t))  ⇒  f*(g(v)) = softplus(v) − log 2
    key: 'jensen-shannon',
    title: 'Jensen–Shannon',
    activation: (v) => tf.sub(Math.LN2, tf.softplus(tf.neg(v))),
    conjugateOfActivation: (v) => tf.sub(tf.softplus(v), Math.LN2),
  },
  {
    // g = v, f*(t) = t²/4 + t
    key: 'pearson',
    title: 'Pearson χ²',
    activation: (v) => tf.clone(v),
    conjugateOfActivation: (v) => tf.add(tf.mul(0.25, tf.square(v)), v),
  },
  {
    // g = 1 − exp(−v), f*(t) = t / (1 − t)  ⇒  f*(g(v)) = exp(v) − 1
    key: 'squared-hellinger',
    title: 'squared Hellinger',
    activation: (v) => tf.sub(1, tf.exp(tf.neg(v))),
    conjugateOfActivation: (v) => tf.sub(tf.exp(v), 1),
  },
  {
    // g = ½ tanh(v), f*(t) = t
    key: 'total-variation',
    title: 'total variation',
    activation: (v) => tf.mul(0.5, tf.tanh(v)),
    conjugateOfActivation: (v) => tf.mul(0.5, tf.tanh(v)),
  },
];

/** The title of the f-divergence a loss name (`f-gan-pearson`) trains with, or undefined for another loss. */
export function fDivergenceTitle(loss: string | undefined): string | undefined {
  return F_DIVERGENCES.find((divergence) => `f-gan-${divergence.key}` === loss)?.title;
}
