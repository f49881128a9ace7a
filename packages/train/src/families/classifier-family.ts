import * as tf from '@tensorflow/tfjs';
import { imagesTensor } from '../data/split.js';
import { buildImageClassifier } from '../models/image-classifier.js';
import { ClassifierTrainer } from '../trainers/classifier-trainer.js';
import { createOptimizer } from '../trainers/create-optimizer.js';
import type { TrainedModels, TrainingFamily } from './training-family.js';

/** Learning rate of the classifier's Adam optimiser. */
export const CLASSIFIER_LEARNING_RATE = 1e-3;
/** Training sets smaller than this get random ±2 px shifts: augmentation pays where data is scarce (MNIST's 8,000), not on Fashion-MNIST's 68,000. */
export const AUGMENT_BELOW = 20_000;

/**
 * A small CNN image classifier (logits + 128-d penultimate features), trained with softmax
 * cross-entropy (and random ±2 px shifts on small training sets). Not generative: it is the feature extractor of
 * `@genzoo/metrics` (FID, KID, Inception Score, precision/recall), shipped by `publishClassifierRun`.
 */
export const classifierFamily: TrainingFamily = {
  name: 'classifier',
  description: 'image classifier, 28×28×1 input in [0, 1] → 10 logits + 128 features',
  datasets: ['mnist', 'fashion-mnist'],
  pixelRange: 'zero-one',
  createSession({ seed, models, trainer: options = {} }) {
    const model = models?.classifier ?? buildImageClassifier({ seed });
    const optimizers = { classifier: createOptimizer(options, { learningRate: CLASSIFIER_LEARNING_RATE }) };
    const trainer = new ClassifierTrainer({ model, optimizer: optimizers.classifier });
    let lastBatch: tf.Tensor4D | undefined;
    return {
      models: { classifier: model },
      optimizers,
      batchesPerStep: 1,
      step(sampler, firstBatch, rng) {
        const images = sampler.batch(firstBatch, 'zero-one');
        lastBatch?.dispose();
        lastBatch = tf.clone(images);
        const shift = sampler.batchesPerEpoch * sampler.batchSize < AUGMENT_BELOW ? 2 : 0;
        const { loss, accuracy } = trainer.step(images, sampler.labels(firstBatch), rng, shift);
        return { loss, accuracy };
      },
      // Nothing to generate: grids show the latest training batch (before augmentation).
      sample: (n) => tf.tidy(() => (lastBatch === undefined ? tf.zeros([n, 28, 28, 1]) : tf.slice(lastBatch, 0, Math.min(n, lastBatch.shape[0]))) as tf.Tensor4D),
      evaluate(dataset, indices) {
        const labels = Uint8Array.from(indices, (index) => dataset.labels[index]!);
        const scores = trainer.evaluate((start, end) => imagesTensor(dataset, indices.subarray(start, end), 'zero-one'), labels);
        return { heldOutAccuracy: scores.accuracy, heldOutLoss: scores.loss };
      },
      // TrainedModels names the generative roles; a classifier run saves its one model as `<run>/classifier/`
      // (saveTrainedModels writes every entry by name) and ships through publishClassifierRun, never publishRun.
      trained: () => ({ classifier: model }) as unknown as TrainedModels,
    };
  },
};
