import * as tf from '@tensorflow/tfjs';

/**
 * PacGAN packing (Lin et al. 2018): consecutive groups of `m` samples of [n, d] become one row of
 * [n / m, m·d], so the discriminator judges m samples jointly. Differentiable (a reshape).
 */
export function packSamples(samples: tf.Tensor, m: number): tf.Tensor2D {
  const [n, d] = samples.shape as [number, number];
  if (samples.rank !== 2) throw new Error(`packing needs samples of shape [n, d], got [${samples.shape.join(', ')}]`);
  if (!Number.isInteger(m) || m < 1 || n % m !== 0) throw new Error(`cannot pack ${n} samples in groups of ${m}`);
  return m === 1 ? (samples as tf.Tensor2D) : tf.reshape(samples, [n / m, m * d]);
}
