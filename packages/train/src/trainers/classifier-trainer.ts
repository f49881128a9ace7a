import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random/rng.js';

/** Inputs of a {@link ClassifierTrainer}. */
export interface ClassifierTrainerOptions {
  /** image → [logits, features]. */
  model: tf.LayersModel;
  optimizer: tf.Optimizer;
}

/** Held-out figures of a classifier. */
export interface ClassifierScores {
  accuracy: number;
  /** Mean cross-entropy in nats. */
  loss: number;
}

/**
 * Supervised loop for an image classifier: softmax cross-entropy on the logits, optionally with each
 * training image shifted by a random whole number of pixels (the cheapest augmentation that helps on digits).
 */
export class ClassifierTrainer {
  readonly model: tf.LayersModel;
  private readonly optimizer: tf.Optimizer;

  constructor(options: ClassifierTrainerOptions) {
    this.model = options.model;
    this.optimizer = options.optimizer;
  }

  /** Shifts each image by up to ±maxShift pixels (zero fill), offsets drawn from `rng`. */
  augment(images: tf.Tensor4D, rng: Rng, maxShift: number): tf.Tensor4D {
    const s = maxShift;
    if (s === 0) return tf.clone(images);
    const [n, h, w] = images.shape;
    const boxes: number[] = [];
    for (let i = 0; i < n; i++) {
      const dy = rng.nextInt(2 * s + 1);
      const dx = rng.nextInt(2 * s + 1);
      // Box corners on pixel centres of the padded image, so bilinear sampling is an exact shift.
      boxes.push(dy / (h + 2 * s - 1), dx / (w + 2 * s - 1), (dy + h - 1) / (h + 2 * s - 1), (dx + w - 1) / (w + 2 * s - 1));
    }
    return tf.tidy(() => {
      const padded = tf.pad(images, [[0, 0], [s, s], [s, s], [0, 0]]);
      const indices = tf.range(0, n, 1, 'int32') as tf.Tensor1D;
      return tf.image.cropAndResize(padded, tf.tensor2d(boxes, [n, 4]), indices, [h, w]);
    });
  }

  /**
   * One optimiser step on `images` (values in [0, 1]) and their labels, each image shifted by up to
   * ±maxShift pixels first; the trainer disposes the images.
   */
  step(images: tf.Tensor4D, labels: Uint8Array, rng: Rng, maxShift = 0): { loss: number; accuracy: number } {
    const augmented = this.augment(images, rng, maxShift);
    const onehot = tf.tidy(() => tf.oneHot(tf.tensor1d(Array.from(labels), 'int32'), this.numClasses));
    let accuracy = 0;
    const cost = this.optimizer.minimize(() => {
      const [logits] = this.model.apply(augmented, { training: true }) as tf.Tensor[];
      accuracy = tf.tidy(() => tf.mean(tf.cast(tf.equal(tf.argMax(logits!, 1), tf.argMax(onehot, 1)), 'float32')).dataSync()[0]!);
      return tf.losses.softmaxCrossEntropy(onehot, logits!) as tf.Scalar;
    }, true);
    const loss = cost === null ? NaN : cost.dataSync()[0]!;
    tf.dispose([images, augmented, onehot, cost ?? []]);
    return { loss, accuracy };
  }

  /** Accuracy and mean cross-entropy over `count` images served in batches by `images(start, end)`. */
  evaluate(images: (start: number, end: number) => tf.Tensor4D, labels: Uint8Array, batchSize = 250): ClassifierScores {
    let correct = 0;
    let loss = 0;
    for (let start = 0; start < labels.length; start += batchSize) {
      const end = Math.min(labels.length, start + batchSize);
      const batch = images(start, end);
      const [hits, total] = tf.tidy(() => {
        const [logits] = this.model.apply(batch, { training: false }) as tf.Tensor[];
        const truth = tf.tensor1d(Array.from(labels.subarray(start, end)), 'int32');
        const onehot = tf.oneHot(truth, this.numClasses);
        const right = tf.sum(tf.cast(tf.equal(tf.argMax(logits!, 1), truth), 'float32')).dataSync()[0]!;
        const sum = tf.mul(tf.losses.softmaxCrossEntropy(onehot, logits!), end - start).dataSync()[0]!;
        return [right, sum];
      });
      correct += hits;
      loss += total;
      batch.dispose();
    }
    return { accuracy: correct / labels.length, loss: loss / labels.length };
  }

  private get numClasses(): number {
    return this.model.outputs[0]!.shape[1]!;
  }
}
