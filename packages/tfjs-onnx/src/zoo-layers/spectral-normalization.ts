import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Constraint } from '@tensorflow/tfjs-layers/dist/constraints.js';
import type { Initializer } from '@tensorflow/tfjs-layers/dist/initializers.js';
import type { LayerArgs } from '@tensorflow/tfjs-layers/dist/engine/topology.js';
import type { Regularizer } from '@tensorflow/tfjs-layers/dist/regularizers.js';
import type { Kwargs } from '@tensorflow/tfjs-layers/dist/types.js';
import { knownDim, singleShape } from './layer-shapes.js';
import { l2Normalize, stopGradient } from './tensor-math.js';

/** Layer classes {@link SpectralNormalization} can wrap. */
export const SPECTRAL_NORM_WRAPPABLE = ['Dense', 'Conv1D', 'Conv2D'] as const;

/** Arguments of {@link SpectralNormalization}. */
export interface SpectralNormalizationArgs extends LayerArgs {
  /** The Dense, Conv1D or Conv2D layer to normalize; only its configuration is used, not its weights. */
  layer: tfl.layers.Layer;
  /** Power-iteration steps per training call (default 1). */
  powerIterations?: number;
}

/** A tfjs weight slot as the wrapped layer's `call` reads it. */
interface Readable {
  read(): tf.Tensor;
}

/** Fields of tfjs's Dense/Conv layers that the wrapper reads or swaps (private in the typings). */
interface WrappedInternals {
  kernel: Readable | null;
  bias: Readable | null;
  useBias: boolean;
  kernelInitializer: Initializer;
  biasInitializer: Initializer;
  kernelRegularizer?: Regularizer;
  biasRegularizer?: Regularizer;
  kernelConstraint?: Constraint;
  biasConstraint?: Constraint;
  call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[];
}

/**
 * Spectral normalization (Miyato et al. 2018) of a Dense, Conv1D or Conv2D layer: the layer runs with
 * kernel W / σ(W), where σ is the largest singular value of W reshaped to [-1, outputs].
 *
 * The wrapper owns the weights: `kernel` and `bias` (shaped like the wrapped layer's) and `u`
 * ([1, outputs], not trainable), the power-iteration estimate of the top right-singular vector.
 * σ(W) = ‖W·û‖₂ with û = u/‖u‖. A training call first runs `powerIterations` steps
 * (v ← normalize(û·Wᵀ), û ← normalize(v·W)) and stores û in `u`; gradients flow through W in both the
 * numerator and σ, not through û. Inference uses the stored `u` without updating it, so an inference
 * call after a training step computes exactly that step's normalized kernel.
 *
 * Unlike Keras's SpectralNormalization, which overwrites the kernel with W/σ during training, the
 * stored kernel stays unnormalized (as in PyTorch's spectral_norm).
 */
export class SpectralNormalization extends tfl.layers.Layer {
  /** @nocollapse */
  static readonly className = 'SpectralNormalization';
  readonly layer: tfl.layers.Layer;
  readonly powerIterations: number;
  private kernel: tfl.LayerVariable | null = null;
  private bias: tfl.LayerVariable | null = null;
  private u: tfl.LayerVariable | null = null;

  constructor(args: SpectralNormalizationArgs) {
    super(args);
    if (!args.layer || typeof args.layer.getClassName !== 'function') throw new Error('SpectralNormalization needs a layer to wrap');
    const wrapped = args.layer.getClassName();
    if (!(SPECTRAL_NORM_WRAPPABLE as readonly string[]).includes(wrapped)) {
      throw new Error(`SpectralNormalization can wrap ${SPECTRAL_NORM_WRAPPABLE.join(', ')}, not ${wrapped}`);
    }
    const iterations = args.powerIterations ?? 1;
    if (!Number.isInteger(iterations) || iterations < 1) throw new Error(`powerIterations must be a positive integer, got ${iterations}`);
    this.layer = args.layer;
    this.powerIterations = iterations;
  }

  private get wrapped(): WrappedInternals {
    return this.layer as unknown as WrappedInternals;
  }

  /** Kernel shape of the wrapped layer for this input: [in, units] or [...kernelSize, in, filters]. */
  private kernelShape(shape: tfl.Shape): number[] {
    const config = this.layer.getConfig();
    if (this.layer.getClassName() === 'Dense') return [knownDim(shape, -1, this.name, 'last'), config['units'] as number];
    const channelsFirst = config['dataFormat'] === 'channelsFirst';
    const channels = knownDim(shape, channelsFirst ? 1 : -1, this.name, 'channel');
    return [...(config['kernelSize'] as number[]), channels, config['filters'] as number];
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const kernelShape = this.kernelShape(singleShape(inputShape, this.name));
    const outputs = kernelShape[kernelShape.length - 1]!;
    const w = this.wrapped;
    this.kernel = this.addWeight('kernel', kernelShape, 'float32', w.kernelInitializer, w.kernelRegularizer, true, w.kernelConstraint);
    if (w.useBias) this.bias = this.addWeight('bias', [outputs], 'float32', w.biasInitializer, w.biasRegularizer, true, w.biasConstraint);
    this.u = this.addWeight('u', [1, outputs], 'float32', tfl.initializers.randomNormal({ mean: 0, stddev: 1 }), undefined, false);
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape | tfl.Shape[] {
    return this.layer.computeOutputShape(inputShape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    return tf.tidy(() => {
      const kernel = this.kernel!.read();
      const matrix = tf.reshape(kernel, [-1, kernel.shape[kernel.shape.length - 1]!]);
      let u = l2Normalize(this.u!.read());
      if (kwargs['training'] === true) {
        for (let i = 0; i < this.powerIterations; i++) {
          const v = l2Normalize(tf.matMul(u, matrix, false, true));
          u = l2Normalize(tf.matMul(v, matrix));
        }
        u = stopGradient(u);
        this.u!.write(u);
      }
      const sigma = tf.norm(tf.matMul(matrix, u, false, true));
      return this.callWrapped(inputs, kwargs, tf.div(kernel, sigma));
    });
  }

  /** Runs the wrapped layer's own `call` with `kernel` and this layer's bias in place of its weights. */
  private callWrapped(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs, kernel: tf.Tensor): tf.Tensor | tf.Tensor[] {
    const w = this.wrapped;
    const saved = { kernel: w.kernel, bias: w.bias };
    const bias = this.bias;
    w.kernel = { read: () => kernel };
    w.bias = bias ? { read: () => bias.read() } : null;
    try {
      return w.call(inputs, kwargs);
    } finally {
      w.kernel = saved.kernel;
      w.bias = saved.bias;
    }
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      layer: { className: this.layer.getClassName(), config: this.layer.getConfig() },
      powerIterations: this.powerIterations,
    };
  }

  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    const { layer, ...rest } = config;
    return new cls({ ...rest, layer: deserializeWrapped(layer) });
  }
}
tf.serialization.registerClass(SpectralNormalization, 'genzoo');

/** Builds the wrapped layer from its `{className, config}` through tfjs's class registry. */
function deserializeWrapped(spec: unknown): tfl.layers.Layer {
  const { className, config } = (spec ?? {}) as { className?: unknown; config?: unknown };
  if (typeof className !== 'string' || typeof config !== 'object' || config === null) {
    throw new Error(`SpectralNormalization config 'layer' must be {className, config}, got ${JSON.stringify(spec)}`);
  }
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[className];
  if (!entry) throw new Error(`SpectralNormalization wraps unknown layer class '${className}'`);
  const [cls, fromConfig] = entry;
  return fromConfig(cls, config as tf.serialization.ConfigDict) as unknown as tfl.layers.Layer;
}

/** Wraps a Dense, Conv1D or Conv2D layer in {@link SpectralNormalization}. */
export function spectralNormalization(args: SpectralNormalizationArgs): SpectralNormalization {
  return new SpectralNormalization(args);
}
