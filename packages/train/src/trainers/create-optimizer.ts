import * as tf from '@tensorflow/tfjs';
import type { TrainerOptions } from './trainer-options.js';

/** A family's optimizer defaults. */
export interface OptimizerDefaults {
  learningRate: number;
  /** Adam's β1 (default 0.9). */
  beta1?: number;
}

/** The optimizer `options` ask for (`--optimizer`, `--lr`, `--beta1`), else Adam with the family's defaults. */
export function createOptimizer(options: TrainerOptions, defaults: OptimizerDefaults): tf.Optimizer {
  const learningRate = options.learningRate ?? defaults.learningRate;
  if ((options.optimizer ?? 'adam') === 'rmsprop') return tf.train.rmsprop(learningRate);
  return tf.train.adam(learningRate, options.beta1 ?? defaults.beta1 ?? 0.9);
}
