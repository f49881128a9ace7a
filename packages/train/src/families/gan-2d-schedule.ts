import type * as tf from '@tensorflow/tfjs';

/** A learning rate that decays linearly from `initial` at step 0 to 0 after `steps` steps. */
export function linearDecay(initial: number, step: number, steps: number): number {
  return initial * Math.max(0, 1 - step / steps);
}

/**
 * Sets an Adam or RMSprop optimizer's learning rate in place. tfjs keeps it in a protected field that
 * every update reads, and offers no setter; recreating the optimizer would lose its moment estimates.
 */
export function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  const target = optimizer as unknown as { learningRate?: unknown };
  if (typeof target.learningRate !== 'number') throw new Error(`optimizer ${optimizer.getClassName()} has no learning rate to schedule`);
  target.learningRate = learningRate;
}
