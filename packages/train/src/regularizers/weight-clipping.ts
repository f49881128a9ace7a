import * as tf from '@tensorflow/tfjs';

/** WGAN weight clipping (Arjovsky et al. 2017): every variable is clamped to [−limit, limit] in place. */
export function clipWeights(variables: readonly tf.Variable[], limit: number): void {
  if (!(limit > 0)) throw new Error(`weight clipping limit must be positive, got ${limit}`);
  tf.tidy(() => {
    for (const variable of variables) variable.assign(tf.clipByValue(variable, -limit, limit));
  });
}
