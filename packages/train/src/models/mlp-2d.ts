import * as tf from '@tensorflow/tfjs';
import { Rng } from '../random/rng.js';

/** Layer sizes of a multilayer perceptron: input, hidden…, output. */
export interface MlpShape {
  input: number;
  hidden: readonly number[];
  output: number;
}

/** Weights of a functional MLP: `[W0, b0, W1, b1, …]`, each Wi of shape [in, out]. */
export type MlpWeights = readonly tf.Tensor[];

/** Slope of the LeakyReLU between hidden layers of {@link FunctionalMlp}. */
export const MLP_LEAK = 0.2;

/** Numbers each MLP's variables, whose names tfjs requires to be unique in the process. */
let instances = 0;

function layerSizes(shape: MlpShape): number[] {
  return [shape.input, ...shape.hidden, shape.output];
}

/**
 * An MLP written as a function of its weights, so that a caller can evaluate it at weights other than
 * its variables (the unrolled discriminator) or at spectrally normalized ones. Glorot-uniform weights
 * and zero biases from a seeded {@link Rng}; LeakyReLU(0.2) between layers, a linear output.
 */
export class FunctionalMlp {
  readonly shape: MlpShape;
  readonly variables: tf.Variable[];

  constructor(shape: MlpShape, seed: number, name: string) {
    this.shape = shape;
    const rng = new Rng(seed);
    const sizes = layerSizes(shape);
    const prefix = `${name}${instances++}`;
    this.variables = sizes.slice(1).flatMap((out, i) => {
      const fanIn = sizes[i]!;
      const limit = Math.sqrt(6 / (fanIn + out));
      const kernel = Float32Array.from({ length: fanIn * out }, () => (2 * rng.nextFloat() - 1) * limit);
      return [tf.variable(tf.tensor2d(kernel, [fanIn, out]), true, `${prefix}_w${i}`), tf.variable(tf.zeros([out]), true, `${prefix}_b${i}`)];
    });
  }

  /** The MLP at `weights` (default: its variables); `x` is [batch, input]. */
  apply(x: tf.Tensor, weights: MlpWeights = this.variables): tf.Tensor2D {
    return tf.tidy(() => {
      let h = x as tf.Tensor2D;
      const layers = weights.length / 2;
      for (let i = 0; i < layers; i++) {
        h = tf.add(tf.matMul(h, weights[2 * i] as tf.Tensor2D), weights[2 * i + 1]!) as tf.Tensor2D;
        if (i < layers - 1) h = tf.leakyRelu(h, MLP_LEAK);
      }
      return h;
    });
  }

  /** Copies of the current weights (for checkpoints and tests). */
  snapshot(): Float32Array[] {
    return this.variables.map((variable) => variable.dataSync() as Float32Array);
  }

  dispose(): void {
    tf.dispose(this.variables);
  }
}

/** Name of the generator's output Dense layer. */
export const POINT_OUTPUT_LAYER = 'g_point';

/**
 * The 2-D generator z → point as a tfjs LayersModel (Dense, optional batch norm, ReLU; a linear output), so
 * that the ONNX converter can export it. Seeded Glorot-uniform initialisation. `batchNorm` gives PacGAN's
 * generator style (batch norm after every hidden Dense).
 */
export function buildPointGenerator(options: { seed: number; latentDim: number; hidden: readonly number[]; batchNorm?: boolean; name?: string }): tf.LayersModel {
  const model = tf.sequential({ name: options.name ?? 'point_generator' });
  options.hidden.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        kernelInitializer: tf.initializers.glorotUniform({ seed: options.seed + i }),
        ...(i === 0 ? { inputShape: [options.latentDim] } : {}),
        name: `g_dense${i}`,
      }),
    );
    if (options.batchNorm === true) model.add(tf.layers.batchNormalization({ momentum: 0.9, name: `g_bn${i}` }));
    model.add(tf.layers.reLU({ name: `g_relu${i}` }));
  });
  model.add(tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: options.seed + options.hidden.length }), name: POINT_OUTPUT_LAYER }));
  return model;
}
