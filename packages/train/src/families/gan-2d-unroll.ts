import * as tf from '@tensorflow/tfjs';
import type { MlpWeights } from '../models/mlp-2d.js';

/** D's loss at some weights, on a fresh batch per call. */
export type DiscriminatorLossAt = (weights: MlpWeights) => tf.Scalar;

/**
 * Unrolled GAN (Metz et al. 2017): the discriminator's weights after `steps` plain gradient-descent
 * updates θ ← θ − η ∇θ L_D(θ), each on a fresh batch, computed inside the caller's gradient so that
 * the generator's gradient flows through every update (the second-order term included).
 */
export function unrolledWeights(start: MlpWeights, unroll: { steps: number; learningRate: number }, discriminatorLoss: DiscriminatorLossAt): tf.Tensor[] {
  let weights: tf.Tensor[] = [...start];
  for (let i = 0; i < unroll.steps; i++) {
    const gradients = tf.grads((...w: tf.Tensor[]) => discriminatorLoss(w))(weights);
    weights = weights.map((w, j) => tf.sub(w, tf.mul(unroll.learningRate, gradients[j]!)));
  }
  return weights;
}

/** An Adam optimizer's state for some variables: what its next update reads. */
export interface AdamState {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** β1^t and β2^t for the next update t (tfjs's `accBeta1`, `accBeta2`). */
  beta1Power: number;
  beta2Power: number;
  /** First and second moments per variable; zeros before the optimizer's first update. */
  firstMoments: tf.Tensor[];
  secondMoments: tf.Tensor[];
}

interface TfjsAdamInternals {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: ({ variable: tf.Variable } | undefined)[];
  accumulatedSecondMoment: ({ variable: tf.Variable } | undefined)[];
}

/**
 * The state of a `tf.train.adam` optimizer that has been minimizing `variables` (in that order). tfjs keeps the
 * moments in fields it does not export and only gives them out asynchronously (`getWeights`); a training step is
 * synchronous, so this reads the fields, and says so in one line when a tfjs version has moved them.
 */
export function adamState(optimizer: tf.Optimizer, variables: readonly tf.Variable[]): AdamState {
  const adam = optimizer as unknown as Partial<TfjsAdamInternals>;
  if (optimizer.getClassName() !== 'Adam' || !(adam.accBeta1 instanceof tf.Variable) || !Array.isArray(adam.accumulatedFirstMoment) || !Array.isArray(adam.accumulatedSecondMoment)) {
    throw new Error(`unrolling Adam needs a tf.train.adam optimizer whose moments this tfjs version keeps in accumulatedFirstMoment/SecondMoment; got ${optimizer.getClassName()}`);
  }
  const moments = (list: ({ variable: tf.Variable } | undefined)[]): tf.Tensor[] => variables.map((v, i) => list[i]?.variable ?? tf.zerosLike(v));
  return {
    learningRate: adam.learningRate!,
    beta1: adam.beta1!,
    beta2: adam.beta2!,
    epsilon: adam.epsilon!,
    beta1Power: adam.accBeta1.dataSync()[0]!,
    beta2Power: adam.accBeta2!.dataSync()[0]!,
    firstMoments: moments(adam.accumulatedFirstMoment),
    secondMoments: moments(adam.accumulatedSecondMoment),
  };
}

/**
 * Like {@link unrolledWeights}, but each unrolled step is the Adam update D's own optimizer would make from its current
 * moments, as in Metz et al.'s code (which unrolls the optimizer it trains D with). The whole update, moments included,
 * is differentiated. A 1e-16 under the square root keeps its gradient finite where a second moment is still 0.
 */
export function unrolledAdamWeights(start: MlpWeights, state: AdamState, steps: number, discriminatorLoss: DiscriminatorLossAt): tf.Tensor[] {
  let weights: tf.Tensor[] = [...start];
  let [m, v] = [state.firstMoments, state.secondMoments];
  let [beta1Power, beta2Power] = [state.beta1Power, state.beta2Power];
  const { beta1, beta2, epsilon, learningRate } = state;
  for (let i = 0; i < steps; i++) {
    const gradients = tf.grads((...w: tf.Tensor[]) => discriminatorLoss(w))(weights);
    m = m.map((mj, j) => tf.add(tf.mul(beta1, mj), tf.mul(1 - beta1, gradients[j]!)));
    v = v.map((vj, j) => tf.add(tf.mul(beta2, vj), tf.mul(1 - beta2, tf.square(gradients[j]!))));
    const [correction1, correction2] = [1 - beta1Power, 1 - beta2Power];
    weights = weights.map((w, j) => {
      const step = tf.div(tf.div(m[j]!, correction1), tf.add(tf.sqrt(tf.add(tf.div(v[j]!, correction2), 1e-16)), epsilon));
      return tf.sub(w, tf.mul(learningRate, step));
    });
    beta1Power *= beta1;
    beta2Power *= beta2;
  }
  return weights;
}
