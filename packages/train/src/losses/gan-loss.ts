import type * as tf from '@tensorflow/tfjs';

/** Options a discriminator loss may honour. */
export interface DiscriminatorLossOptions {
  /** Target for real examples in cross-entropy losses (1 − one-sided label smoothing; default 1). */
  realLabel?: number;
}

/**
 * An adversarial objective on raw discriminator outputs ("logits" or critic values):
 * the discriminator minimizes {@link GanLoss.discriminator}, the generator minimizes
 * {@link GanLoss.generator}. Both return scalars and own no tensors.
 */
export interface GanLoss {
  /** Registry key, e.g. `hinge` or `f-gan-kl`. */
  readonly name: string;
  /** One line for `--help` and docs. */
  readonly description: string;
  /** Whether `realLabel` (one-sided label smoothing) means something for this loss. */
  readonly supportsLabelSmoothing: boolean;
  discriminator(realOutputs: tf.Tensor, fakeOutputs: tf.Tensor, options?: DiscriminatorLossOptions): tf.Scalar;
  generator(fakeOutputs: tf.Tensor): tf.Scalar;
}

/** Throws unless `realLabel` is in (0, 1]. */
export function checkRealLabel(realLabel: number): void {
  if (!(realLabel > 0 && realLabel <= 1)) throw new Error(`real label must be in (0, 1], got ${realLabel}`);
}
