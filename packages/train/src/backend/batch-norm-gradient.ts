import * as tf from '@tensorflow/tfjs';

let stock: tf.GradConfig | undefined;

/**
 * tfjs's FusedBatchNorm gradient with the input gradient computed by broadcasting instead of
 * `tile`: the stock version tiles 1/√(var + ε) to the full shape of x before multiplying, which
 * made Tile ~15% of a DCGAN training step on wasm. The other four gradients are tfjs's, unchanged.
 */
export const fusedBatchNormGradient: tf.GradConfig = {
  kernelName: 'FusedBatchNorm',
  inputsToSave: ['x', 'mean', 'variance', 'scale'],
  gradFunc: (dy, saved, attrs) => {
    const gradient = dy as tf.Tensor;
    const { varianceEpsilon } = attrs as unknown as { varianceEpsilon: number };
    const [x, mean, variance, scale] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor | null];
    const scaleValue = scale ?? tf.scalar(1);
    const reductionAxes = tf.backend_util.getReductionAxes(mean.shape, x.shape);
    const reduce = (t: tf.Tensor): tf.Tensor => tf.reshape(mean.rank === 1 ? tf.sum(t, reductionAxes) : t, mean.shape);
    const xMinusMean = tf.sub(x, mean);
    const dyTimesScale = tf.mul(gradient, scaleValue);
    const rsqrtVariance = tf.rsqrt(tf.add(variance, tf.scalar(varianceEpsilon)));
    const minusHalfRCube = tf.mul(tf.mul(tf.mul(rsqrtVariance, rsqrtVariance), rsqrtVariance), tf.scalar(-0.5));
    return {
      x: () => tf.reshape(tf.mul(gradient, tf.mul(rsqrtVariance, scaleValue)), x.shape),
      mean: () => reduce(tf.mul(tf.mul(rsqrtVariance, tf.scalar(-1)), dyTimesScale)),
      variance: () => reduce(tf.mul(tf.mul(minusHalfRCube, xMinusMean), dyTimesScale)),
      scale: () => reduce(tf.mul(gradient, tf.mul(xMinusMean, rsqrtVariance))),
      offset: () => reduce(gradient),
    };
  },
};

/** Replaces tfjs's FusedBatchNorm gradient with {@link fusedBatchNormGradient} (all backends). Idempotent. */
export function registerFastBatchNormGradient(): void {
  const current = tf.getGradient('FusedBatchNorm');
  if (current === fusedBatchNormGradient) return;
  stock = current;
  tf.registerGradient(fusedBatchNormGradient);
}

/** tfjs's own FusedBatchNorm gradient, as it was before {@link registerFastBatchNormGradient} (for parity tests). */
export function stockBatchNormGradient(): tf.GradConfig | undefined {
  return stock ?? (tf.getGradient('FusedBatchNorm') === fusedBatchNormGradient ? undefined : tf.getGradient('FusedBatchNorm'));
}
