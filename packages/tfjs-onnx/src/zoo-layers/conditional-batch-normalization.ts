import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { LayerArgs } from '@tensorflow/tfjs-layers/dist/engine/topology.js';
import type { Kwargs } from '@tensorflow/tfjs-layers/dist/types.js';
import { knownDim } from './layer-shapes.js';

/** How the conditioning input turns into per-sample scales. */
export type Conditioning = 'onehot' | 'embedding';

/** Arguments of {@link ConditionalBatchNormalization}. */
export interface ConditionalBatchNormalizationArgs extends LayerArgs {
  /** Momentum of the moving mean and variance (default 0.99, like tfjs BatchNormalization). */
  momentum?: number;
  /** Added to the variance (default 1e-3). */
  epsilon?: number;
  /**
   * 'onehot' (default): the condition is a one-hot class vector, γ = c·Γ with Γ initialised to ones,
   * so each class has its own γ/β row. 'embedding': the condition is any vector (e.g. a learned class
   * embedding), γ = 1 + c·Γ with Γ initialised to zeros (BigGAN style). In both β = c·B, B zeros.
   */
  conditioning?: Conditioning;
}

/**
 * Batch normalization whose scale and shift depend on a condition (de Vries et al. 2017; Miyato &
 * Koyama 2018). Called on `[x, c]`: x is normalized over every axis but the last (channels) with the
 * batch statistics in training and the moving statistics at inference, then y = x̂·γ(c) + β(c), where
 * c is [batch, k] and γ(c) = c·Γ (+1 for 'embedding'), β(c) = c·B with Γ, B of shape [k, channels].
 */
export class ConditionalBatchNormalization extends tfl.layers.Layer {
  /** @nocollapse */
  static readonly className = 'ConditionalBatchNormalization';
  readonly momentum: number;
  readonly epsilon: number;
  readonly conditioning: Conditioning;
  private gammaKernel: tfl.LayerVariable | null = null;
  private betaKernel: tfl.LayerVariable | null = null;
  private movingMean: tfl.LayerVariable | null = null;
  private movingVariance: tfl.LayerVariable | null = null;

  constructor(args: ConditionalBatchNormalizationArgs = {}) {
    super(args);
    this.momentum = args.momentum ?? 0.99;
    this.epsilon = args.epsilon ?? 1e-3;
    this.conditioning = args.conditioning ?? 'onehot';
    if (this.conditioning !== 'onehot' && this.conditioning !== 'embedding') {
      throw new Error(`conditioning must be 'onehot' or 'embedding', got '${String(this.conditioning)}'`);
    }
  }

  private shapes(inputShape: tfl.Shape | tfl.Shape[]): [tfl.Shape, tfl.Shape] {
    if (!Array.isArray(inputShape[0]) || inputShape.length !== 2) {
      throw new Error(`layer '${this.name}' is called on [features, condition], got ${JSON.stringify(inputShape)}`);
    }
    const [x, c] = inputShape as tfl.Shape[];
    if (c!.length !== 2) throw new Error(`layer '${this.name}': the condition must be [batch, k], got [${c!.join(', ')}]`);
    return [x!, c!];
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const [x, c] = this.shapes(inputShape);
    const channels = knownDim(x, -1, this.name, 'channel');
    const k = knownDim(c, -1, this.name, 'condition');
    const gammaInit = this.conditioning === 'onehot' ? tfl.initializers.ones() : tfl.initializers.zeros();
    this.gammaKernel = this.addWeight('gamma_kernel', [k, channels], 'float32', gammaInit, undefined, true);
    this.betaKernel = this.addWeight('beta_kernel', [k, channels], 'float32', tfl.initializers.zeros(), undefined, true);
    this.movingMean = this.addWeight('moving_mean', [channels], 'float32', tfl.initializers.zeros(), undefined, false);
    this.movingVariance = this.addWeight('moving_variance', [channels], 'float32', tfl.initializers.ones(), undefined, false);
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return this.shapes(inputShape)[0];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      if (!Array.isArray(inputs) || inputs.length !== 2) throw new Error(`layer '${this.name}' is called on [features, condition]`);
      const [x, c] = inputs as [tf.Tensor, tf.Tensor];
      const rank = x.rank;
      let mean: tf.Tensor;
      let variance: tf.Tensor;
      if (kwargs['training'] === true) {
        ({ mean, variance } = tf.moments(x, Array.from({ length: rank - 1 }, (_, i) => i)));
        this.updateMoving(this.movingMean!, mean);
        this.updateMoving(this.movingVariance!, variance);
      } else {
        mean = this.movingMean!.read();
        variance = this.movingVariance!.read();
      }
      const normalized = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, this.epsilon)));
      const broadcast = [-1, ...new Array<number>(rank - 2).fill(1), x.shape[rank - 1]!];
      let gamma = tf.matMul(c, this.gammaKernel!.read());
      if (this.conditioning === 'embedding') gamma = tf.add(gamma, 1);
      const beta = tf.matMul(c, this.betaKernel!.read());
      return tf.add(tf.mul(normalized, tf.reshape(gamma, broadcast)), tf.reshape(beta, broadcast));
    });
  }

  private updateMoving(variable: tfl.LayerVariable, value: tf.Tensor): void {
    tf.tidy(() => {
      const current = variable.read();
      variable.write(tf.sub(current, tf.mul(tf.sub(current, value), 1 - this.momentum)));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), momentum: this.momentum, epsilon: this.epsilon, conditioning: this.conditioning };
  }
}
tf.serialization.registerClass(ConditionalBatchNormalization, 'genzoo');

/** Creates a {@link ConditionalBatchNormalization} layer (apply it to `[features, condition]`). */
export function conditionalBatchNormalization(args: ConditionalBatchNormalizationArgs = {}): ConditionalBatchNormalization {
  return new ConditionalBatchNormalization(args);
}
