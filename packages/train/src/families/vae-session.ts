import type * as tf from '@tensorflow/tfjs';
import { imagesTensor } from '../data/split.js';
import type { VaeTrainer } from '../trainers/vae-trainer.js';
import type { TrainingSession } from './training-family.js';

/**
 * The training session of any VAE family: one {@link VaeTrainer} step per batch, held-out ELBO with its
 * reconstruction and KL terms (always at β = 1), samples and reconstructions for the grids.
 */
export function vaeSession(
  encoder: tf.LayersModel,
  generator: tf.LayersModel,
  trainer: VaeTrainer,
  optimizers: Record<string, tf.Optimizer>,
): TrainingSession {
  return {
    models: { generator, encoder },
    optimizers,
    batchesPerStep: 1,
    step(sampler, firstBatch, rng) {
      const losses = trainer.step(sampler.batch(firstBatch, 'zero-one'), rng);
      return { loss: losses.loss, recon: losses.recon, kl: losses.kl };
    },
    sample: (n, rng) => trainer.sample(n, rng),
    evaluate(dataset, indices, rng) {
      const terms = trainer.evaluateTerms((start, end) => imagesTensor(dataset, indices.subarray(start, end), 'zero-one'), indices.length, rng);
      return { heldOutElboNats: terms.elbo, heldOutReconstructionNats: terms.recon, heldOutKlNats: terms.kl };
    },
    reconstruct: (images) => trainer.reconstruct(images),
    trained: () => ({ generator, encoder }),
  };
}
