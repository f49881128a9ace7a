import * as tf from '@tensorflow/tfjs';
import type { BuildOptions } from './dcgan-mnist.js';

/** Width of the classifier's penultimate layer: the feature space of the evaluation metrics. */
export const CLASSIFIER_FEATURES = 128;
/** Classes of MNIST and Fashion-MNIST. */
export const CLASSIFIER_CLASSES = 10;

function init(seed: number | undefined, offset: number): ReturnType<typeof tf.initializers.heNormal> {
  return tf.initializers.heNormal(seed === undefined ? {} : { seed: seed * 101 + offset });
}

/**
 * Small CNN for 28×28×1 images in [0, 1], with two outputs: `logits` (10) and `features` (128, the
 * ReLU activations of the penultimate layer, before dropout).
 * conv(32, 3) ReLU → maxpool 2 → conv(64, 3) ReLU → maxpool 2 → flatten → dense(128) ReLU = features →
 * dropout 0.4 → dense(10) = logits. Small on purpose: it trains in minutes on one CPU core (tfjs wasm).
 */
export function buildImageClassifier(options: BuildOptions = {}): tf.LayersModel {
  const { seed } = options;
  const conv = (filters: number, offset: number, name: string) =>
    tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init(seed, offset), name });
  const x = tf.input({ shape: [28, 28, 1], name: 'image' });
  let h = conv(32, 1, 'c_conv1').apply(x) as tf.SymbolicTensor;
  h = tf.layers.maxPooling2d({ poolSize: 2, name: 'c_pool1' }).apply(h) as tf.SymbolicTensor;
  h = conv(64, 2, 'c_conv2').apply(h) as tf.SymbolicTensor;
  h = tf.layers.maxPooling2d({ poolSize: 2, name: 'c_pool2' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.flatten({ name: 'c_flatten' }).apply(h) as tf.SymbolicTensor;
  const features = tf.layers
    .dense({ units: CLASSIFIER_FEATURES, activation: 'relu', kernelInitializer: init(seed, 5), name: 'features' })
    .apply(h) as tf.SymbolicTensor;
  const dropped = tf.layers.dropout({ rate: 0.4, seed, name: 'c_dropout' }).apply(features) as tf.SymbolicTensor;
  const logits = tf.layers
    .dense({ units: CLASSIFIER_CLASSES, kernelInitializer: tf.initializers.glorotUniform(seed === undefined ? {} : { seed: seed * 101 + 6 }), name: 'logits' })
    .apply(dropped) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: [logits, features], name: 'image_classifier' });
}
