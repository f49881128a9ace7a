import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { LayerArgs } from '@tensorflow/tfjs-layers/dist/engine/topology.js';
import type { Kwargs } from '@tensorflow/tfjs-layers/dist/types.js';
import { knownDim, singleShape } from './layer-shapes.js';

/** Arguments of {@link SelfAttention2D}. */
export interface SelfAttention2DArgs extends LayerArgs {
  /** Channels of the query (f) and key (g) projections (default: channels / 8, at least 1). */
  keyChannels?: number;
  /** Whether the f, g, h projections have biases (default true). */
  useBias?: boolean;
}

/**
 * SAGAN self-attention over the positions of an NHWC feature map (Zhang et al. 2019). With 1×1
 * projections f (query), g (key) to `keyChannels` and h (value) to the input channels, every
 * position i attends to all positions j: o_i = Σ_j softmax_j(f_i·g_j)·h_j, and y = x + γ·o with a
 * learnable scalar γ that starts at 0, so the layer starts as the identity.
 */
export class SelfAttention2D extends tfl.layers.Layer {
  /** @nocollapse */
  static readonly className = 'SelfAttention2D';
  readonly keyChannels: number | null;
  readonly useBias: boolean;
  private queryKernel: tfl.LayerVariable | null = null;
  private queryBias: tfl.LayerVariable | null = null;
  private keyKernel: tfl.LayerVariable | null = null;
  private keyBias: tfl.LayerVariable | null = null;
  private valueKernel: tfl.LayerVariable | null = null;
  private valueBias: tfl.LayerVariable | null = null;
  private gamma: tfl.LayerVariable | null = null;

  constructor(args: SelfAttention2DArgs = {}) {
    super(args);
    this.keyChannels = args.keyChannels ?? null;
    if (this.keyChannels !== null && !(Number.isInteger(this.keyChannels) && this.keyChannels > 0)) {
      throw new Error(`keyChannels must be a positive integer, got ${this.keyChannels}`);
    }
    this.useBias = args.useBias ?? true;
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = singleShape(inputShape, this.name);
    if (shape.length !== 4) throw new Error(`layer '${this.name}' expects an NHWC input, got shape [${shape.join(', ')}]`);
    const channels = knownDim(shape, -1, this.name, 'channel');
    const keys = this.keyChannels ?? Math.max(1, Math.floor(channels / 8));
    const kernel = (name: string, out: number): tfl.LayerVariable =>
      this.addWeight(name, [channels, out], 'float32', tfl.initializers.glorotUniform({}), undefined, true);
    const bias = (name: string, out: number): tfl.LayerVariable | null =>
      this.useBias ? this.addWeight(name, [out], 'float32', tfl.initializers.zeros(), undefined, true) : null;
    this.queryKernel = kernel('query_kernel', keys);
    this.queryBias = bias('query_bias', keys);
    this.keyKernel = kernel('key_kernel', keys);
    this.keyBias = bias('key_bias', keys);
    this.valueKernel = kernel('value_kernel', channels);
    this.valueBias = bias('value_bias', channels);
    this.gamma = this.addWeight('gamma', [1], 'float32', tfl.initializers.zeros(), undefined, true);
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return singleShape(inputShape, this.name);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0]! : inputs) as tf.Tensor4D;
      const [, height, width, channels] = x.shape;
      const positions = tf.reshape(x, [-1, channels]);
      const project = (kernel: tfl.LayerVariable, bias: tfl.LayerVariable | null): tf.Tensor3D => {
        const y = tf.matMul(positions, kernel.read() as tf.Tensor2D);
        return tf.reshape(bias ? tf.add(y, bias.read()) : y, [-1, height * width, kernel.shape[1]!]);
      };
      const query = project(this.queryKernel!, this.queryBias);
      const key = project(this.keyKernel!, this.keyBias);
      const value = project(this.valueKernel!, this.valueBias);
      const attention = tf.softmax(tf.matMul(query, key, false, true));
      const attended = tf.reshape(tf.matMul(attention, value), [-1, height, width, channels]);
      return tf.add(x, tf.mul(this.gamma!.read(), attended));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), keyChannels: this.keyChannels, useBias: this.useBias };
  }
}
tf.serialization.registerClass(SelfAttention2D, 'genzoo');

/** Creates a {@link SelfAttention2D} layer. */
export function selfAttention2D(args: SelfAttention2DArgs = {}): SelfAttention2D {
  return new SelfAttention2D(args);
}
