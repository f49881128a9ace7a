import { imagesTensor } from '../data/split.js';
import { buildCvaeDecoder, buildCvaeEncoder, CVAE_CLASSES, CVAE_LATENT } from '../models/cvae-mlp.js';
import { createOptimizer } from '../trainers/create-optimizer.js';
import { CvaeTrainer } from '../trainers/cvae-trainer.js';
import type { TrainingFamily } from './training-family.js';

/** Class of sample `index` of `n` in a grid: 0, 1, …, 9 cycling, so each grid column (of 10) is one class. */
export function cyclingLabels(n: number, classes = CVAE_CLASSES): number[] {
  return Array.from({ length: n }, (_, index) => index % classes);
}

/**
 * Class-conditional VAE (MLP) on 28×28 images with their dataset labels: the label is fed one-hot to
 * both encoder and decoder, 16-d latent, Bernoulli decoder, Adam(1e-3).
 */
export const cvaeFamily: TrainingFamily = {
  name: 'cvae',
  description: 'conditional VAE (MLP), 16-d latent + one-hot class, Bernoulli decoder, 28×28×1 output in [0, 1]',
  datasets: ['mnist', 'fashion-mnist'],
  pixelRange: 'zero-one',
  createSession({ seed, models, trainer: options = {} }) {
    const encoder = models?.encoder ?? buildCvaeEncoder({ seed });
    const generator = models?.generator ?? buildCvaeDecoder({ seed });
    const optimizers = { cvae: createOptimizer(options, { learningRate: 1e-3 }) };
    const trainer = new CvaeTrainer({ encoder, decoder: generator, latentDim: CVAE_LATENT, classes: CVAE_CLASSES, optimizer: optimizers.cvae });
    return {
      models: { generator, encoder },
      optimizers,
      batchesPerStep: 1,
      step(sampler, firstBatch, rng) {
        const losses = trainer.step(sampler.batch(firstBatch, 'zero-one'), sampler.labels(firstBatch), rng);
        return { loss: losses.loss, recon: losses.recon, kl: losses.kl };
      },
      sample: (n, rng) => trainer.sample(cyclingLabels(n), rng),
      evaluate(dataset, indices, rng) {
        const labels = Uint8Array.from(indices, (index) => dataset.labels[index]!);
        const elbo = trainer.evaluateElbo((start, end) => imagesTensor(dataset, indices.subarray(start, end), 'zero-one'), labels, rng);
        return { heldOutElboNats: elbo };
      },
      reconstruct(images, labels) {
        if (labels === undefined) throw new Error('the conditional VAE reconstructs only images whose classes are given');
        return trainer.reconstruct(images, labels);
      },
      trained: () => ({ generator, encoder }),
    };
  },
};
