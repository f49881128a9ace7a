import type * as tf from '@tensorflow/tfjs';

/** Multiply-accumulates per example of one Dense/Conv2D/Conv2DTranspose layer. */
export interface LayerMacs {
  name: string;
  className: string;
  macs: number;
  /** Whether the layer reads the model's input (its input gradient is only needed to backprop into another net). */
  first: boolean;
}

/** Per-example shape of a layer's single input or output. */
const shapeOf = (tensor: tf.SymbolicTensor | tf.SymbolicTensor[]): number[] => (Array.isArray(tensor) ? tensor[0]! : tensor).shape.slice(1) as number[];

/** MACs per example of every Dense, Conv2D and Conv2DTranspose layer of a model, in order. */
export function layerMacs(model: tf.LayersModel): LayerMacs[] {
  const out: LayerMacs[] = [];
  for (const layer of model.layers) {
    const className = layer.getClassName();
    if (!['Dense', 'Conv2D', 'Conv2DTranspose'].includes(className)) continue;
    const config = layer.getConfig();
    const input = shapeOf(layer.input);
    const output = shapeOf(layer.output as tf.SymbolicTensor);
    const first = layer.inboundNodes[0]?.inboundLayers.every((inbound) => inbound.getClassName() === 'InputLayer') ?? false;
    const kernel = (config['kernelSize'] as number[] | undefined)?.reduce((a, b) => a * b, 1) ?? 1;
    let macs: number | undefined;
    if (className === 'Dense') macs = input[input.length - 1]! * (config['units'] as number);
    if (className === 'Conv2D') macs = output[0]! * output[1]! * kernel * input[2]! * output[2]!;
    if (className === 'Conv2DTranspose') macs = input[0]! * input[1]! * kernel * input[2]! * output[2]!;
    if (macs !== undefined) out.push({ name: layer.name, className, macs, first });
  }
  return out;
}

/** FLOPs (2 per MAC) of the matmul/conv work of one GAN step; elementwise ops are not counted. */
export interface StepFlops {
  generatorForward: number;
  discriminatorForward: number;
  total: number;
}

/**
 * FLOPs of one adversarial step at `batch` (one discriminator update, one generator update):
 * D update = G forward + D forward and backward on real and on fake (weight gradients, and input
 * gradients of every layer but the first); G update = G forward + D forward + D backward including
 * its first layer's input gradient + G backward (weight gradients, input gradients but the first's).
 * A backward pass costs one forward's MACs per gradient it computes.
 */
export function adversarialStepFlops(generator: tf.LayersModel, discriminator: tf.LayersModel, batch: number): StepFlops {
  const sum = (layers: LayerMacs[], pick: (l: LayerMacs) => number): number => layers.reduce((s, l) => s + pick(l), 0);
  const g = layerMacs(generator);
  const d = layerMacs(discriminator);
  const gForward = sum(g, (l) => l.macs);
  const dForward = sum(d, (l) => l.macs);
  const dBackwardNoInput = sum(d, (l) => l.macs + (l.first ? 0 : l.macs));
  const dBackwardFull = 2 * dForward;
  const gBackward = sum(g, (l) => l.macs + (l.first ? 0 : l.macs));
  const dUpdate = gForward + 2 * dForward + 2 * dBackwardNoInput;
  const gUpdate = gForward + dForward + dBackwardFull + gBackward;
  return { generatorForward: 2 * gForward * batch, discriminatorForward: 2 * dForward * batch, total: 2 * (dUpdate + gUpdate) * batch };
}
