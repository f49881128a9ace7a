import * as tf from '@tensorflow/tfjs';

/**
 * LeakyReLU's gradient as dy · step(x, α) (step: 1 where x > 0, else α): two elementwise kernels
 * instead of tfjs's three (Greater into a bool mask, Multiply, Select). Differentiable again (Step's
 * gradient is zero, like the mask's), so gradient penalties still work.
 */
export const leakyReluGradient: tf.GradConfig = {
  kernelName: 'LeakyRelu',
  inputsToSave: ['x'],
  gradFunc: (dy, saved, attrs) => {
    const [x] = saved as [tf.Tensor];
    const { alpha } = attrs as unknown as { alpha: number };
    return { x: () => tf.mul(dy as tf.Tensor, tf.step(x, alpha)) };
  },
};

let stock: tf.GradConfig | undefined;

/** Replaces tfjs's LeakyRelu gradient with {@link leakyReluGradient} (all backends). Idempotent. */
export function registerFastLeakyReluGradient(): void {
  const current = tf.getGradient('LeakyRelu');
  if (current === leakyReluGradient) return;
  stock = current;
  tf.registerGradient(leakyReluGradient);
}

/** tfjs's own LeakyRelu gradient, as it was before {@link registerFastLeakyReluGradient} (for comparisons). */
export function stockLeakyReluGradient(): tf.GradConfig | undefined {
  return stock ?? (tf.getGradient('LeakyRelu') === leakyReluGradient ? undefined : tf.getGradient('LeakyRelu'));
}
