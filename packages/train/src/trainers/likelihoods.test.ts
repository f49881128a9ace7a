import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { GAUSSIAN_SIGMA, gaussianNll, likelihoodNll, meanSquaredError } from './likelihoods.js';
import { bernoulliNll } from './losses.js';
import { validateTrainerOptions } from './trainer-options.js';

describe('decoder likelihoods', () => {
  it('Gaussian NLL is the summed normal negative log-density with fixed σ', () => {
    const targets = tf.tensor4d([0, 1, 0.5, 0.25], [1, 2, 2, 1]);
    const means = tf.tensor4d([0.1, 0.8, 0.5, 0.5], [1, 2, 2, 1]);
    const squared = 0.01 + 0.04 + 0 + 0.0625;
    const expected = squared / (2 * GAUSSIAN_SIGMA ** 2) + 4 * 0.5 * Math.log(2 * Math.PI * GAUSSIAN_SIGMA ** 2);
    expect(gaussianNll(targets, means).arraySync()[0]).toBeCloseTo(expected, 4);
    expect(meanSquaredError(targets, means).arraySync()[0]).toBeCloseTo(squared / 4, 6);
    tf.dispose([targets, means]);
  });

  it('is one value per image, and picks the function by name', () => {
    const images = tf.fill([3, 28, 28, 1], 0.5);
    expect(likelihoodNll('gaussian')(images, images).shape).toEqual([3]);
    expect(likelihoodNll('bernoulli')).toBe(bernoulliNll);
    images.dispose();
  });

  it('validates --beta, --latent and --likelihood values', () => {
    const all = ['beta', 'latent', 'likelihood'] as const;
    expect(() => validateTrainerOptions({ beta: 4, latent: 2, likelihood: 'gaussian' }, 'vae', all)).not.toThrow();
    expect(() => validateTrainerOptions({ beta: -1 }, 'vae', all)).toThrow('--beta must be a positive number, got -1');
    expect(() => validateTrainerOptions({ latent: 0 }, 'vae', all)).toThrow('--latent must be an integer in [1, 1024], got 0');
    expect(() => validateTrainerOptions({ likelihood: 'laplace' as 'gaussian' }, 'vae', all)).toThrow('--likelihood must be one of bernoulli, gaussian, got laplace');
    expect(() => validateTrainerOptions({ beta: 2 }, 'autoencoder', ['latent'])).toThrow("--beta does not apply to family 'autoencoder'");
  });
});
