import { describe, expect, it } from 'vitest';
import { describeTrainerSettings } from './run-summary.js';

describe('describeTrainerSettings', () => {
  it('lists the settings as the flags that reproduce them', () => {
    expect(describeTrainerSettings({ loss: 'hinge', nCritic: 2, gradientPenalty: 10, spectralNorm: true, optimizer: 'rmsprop', learningRate: 1e-4 })).toBe(
      '--loss hinge, --n-critic 2, --gp 10, --spectral-norm, --optimizer rmsprop, --lr 0.0001',
    );
    expect(describeTrainerSettings({ beta1: 0, emaDecay: 0.99, labelSmoothing: 0.1 })).toBe('--label-smoothing 0.1, --ema 0.99, --beta1 0');
  });

  it('is undefined when nothing was set', () => {
    expect(describeTrainerSettings({})).toBeUndefined();
    expect(describeTrainerSettings(undefined)).toBeUndefined();
    expect(describeTrainerSettings({ spectralNorm: false })).toBeUndefined();
  });
});
