import * as tf from '@tensorflow/tfjs';
import { F_DIVERGENCES, type FDivergence } from './f-divergences.js';
import type { GanLoss } from './gan-loss.js';

/**
 * The f-GAN objective for one divergence: the variational lower bound
 * F = E_real[g_f(V)] − E_fake[f*(g_f(V))] of D_f(P‖Q) is maximized by the discriminator
 * (it minimizes −F), and the generator uses the paper's non-saturating alternative,
 * minimizing −E_fake[g_f(V(G(z)))].
 */
export function fGanLoss(divergence: FDivergence): GanLoss {
  return {
    name: `f-gan-${divergence.key}`,
    description: `f-GAN, ${divergence.title} divergence (Nowozin et al. 2016)`,
    supportsLabelSmoothing: false,
    discriminator: (real, fake, options) => {
      if (options?.realLabel !== undefined && options.realLabel !== 1) throw new Error(`loss 'f-gan-${divergence.key}' does not support label smoothing`);
      return tf.tidy(() => tf.sub(tf.mean(divergence.conjugateOfActivation(fake)), tf.mean(divergence.activation(real))) as tf.Scalar);
    },
    generator: (fake) => tf.tidy(() => tf.neg(tf.mean(divergence.activation(fake))) as tf.Scalar),
  };
}

/** f-GAN losses for every divergence of {@link F_DIVERGENCES}. */
export const F_GAN_LOSSES: readonly GanLoss[] = F_DIVERGENCES.map(fGanLoss);
