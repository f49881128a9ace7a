import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { LayerArgs } from '@tensorflow/tfjs-layers/dist/engine/topology.js';
import type { Kwargs } from '@tensorflow/tfjs-layers/dist/types.js';

/** Arguments of {@link PixelNormalization}. */
export interface PixelNormalizationArgs extends LayerArgs {
  /** Added to the mean square before the square root (default 1e-8). */
  epsilon?: number;
}

/**
 * Pixel-wise feature normalization (ProGAN, Karras et al. 2018): each position's feature vector (the
 * last axis) is divided by its root mean square, x / √(mean(x²) + ε). No weights.
 */
export class PixelNormalization extends tfl.layers.Layer {
  /** @nocollapse */
  static readonly className = 'PixelNormalization';
  readonly epsilon: number;

  constructor(args: PixelNormalizationArgs = {}) {
    super(args);
    this.epsilon = args.epsilon ?? 1e-8;
    if (!(this.epsilon >= 0)) throw new Error(`epsilon must be a non-negative number, got ${this.epsilon}`);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      return tf.mul(x, tf.rsqrt(tf.add(tf.mean(tf.square(x), -1, true), this.epsilon)));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), epsilon: this.epsilon };
  }
}
tf.serialization.registerClass(PixelNormalization, 'genzoo');

/** Creates a {@link PixelNormalization} layer. */
export function pixelNormalization(args: PixelNormalizationArgs = {}): PixelNormalization {
  return new PixelNormalization(args);
}
