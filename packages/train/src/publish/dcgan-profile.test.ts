import type { Manifest } from '@genzoo/core';
import { describe, expect, it } from 'vitest';
import type { TrainerOptions } from '../trainers/trainer-options.js';
import { dcganProfile } from './dcgan-profile.js';

function manifest(id: string, trainer: TrainerOptions, family: string, fid?: number): Manifest {
  return {
    id, dataset: { name: 'mnist' }, metrics: fid === undefined ? {} : { fid, kid: 1, precision: 0.5, recall: 0.5 }, files: {},
    training: { trainingFamily: family, trainer, steps: 3000, wallClockSeconds: 600 },
  } as unknown as Manifest;
}

describe('dcgan publish profile', () => {
  it('tells DCGAN, WGAN, WGAN-GP and f-GAN runs apart by their loss', () => {
    const profile = (trainer: TrainerOptions) => dcganProfile({ dataset: 'mnist', trainer });
    expect([profile({}).family, profile({}).name]).toEqual(['dcgan', 'DCGAN (MNIST)']);
    expect(profile({ loss: 'wasserstein', weightClip: 0.01 }).name).toBe('WGAN, weight clipping (MNIST)');
    expect(profile({ loss: 'wasserstein', gradientPenalty: 10 }).family).toBe('wgan-gp');
    const fGan = profile({ loss: 'f-gan-pearson' });
    expect([fGan.family, fGan.name]).toEqual(['f-gan', 'f-GAN, Pearson χ² (DCGAN, MNIST)']);
    expect(fGan.objective).toContain('f-GAN (Nowozin et al. 2016) with the Pearson χ² divergence');
    expect(fGan.objective).toContain('folder. Adam(0.0002, β1 = 0.5');
    expect(fGan.weaknesses).toContain('unbounded conjugates');
  });

  it('says what a weight-clipped critic does to the samples, and only for WGAN', () => {
    const profile = (trainer: TrainerOptions) => dcganProfile({ dataset: 'mnist', trainer });
    const wgan = profile({ loss: 'wasserstein', weightClip: 0.01 }).weaknesses;
    expect(wgan).toContain('blurred, broken shapes, few of them clean digits');
    expect(wgan).toContain('its Wasserstein estimate (Figures) falls close to 0 long before the samples reach the data');
    expect(wgan).not.toContain('many samples are clean');
    for (const trainer of [{}, { loss: 'wasserstein', gradientPenalty: 10 }] as TrainerOptions[]) {
      expect(profile(trainer).weaknesses).toContain('many samples are clean digits');
      expect(profile(trainer).weaknesses).not.toContain('Weight clipping');
    }
  });

  it('states the weight average the run recorded: a ramped decay, or (runs from before the record) the plain one', () => {
    const ramped = dcganProfile({ dataset: 'mnist', trainer: {}, weightAverage: { decay: 0.999, ramp: true } }).objective;
    expect(ramped).toContain('(decay 0.999, ramped in as min(0.999, (1 + t) / (10 + t)) over the first steps t, batch-norm statistics included)');
    const plain = dcganProfile({ dataset: 'mnist', trainer: { emaDecay: 0.99 } }).objective;
    expect(plain).toContain('(decay 0.99, batch-norm statistics included)');
  });

  it("compares an f-GAN's card with the DCGAN f-GANs of its folder only, and draws no critic estimate for it", () => {
    const own = manifest('fgan-dcgan-kl', { loss: 'f-gan-kl' }, 'dcgan-mnist', 80);
    const siblings = [
      manifest('fgan-dcgan-tv', { loss: 'f-gan-total-variation' }, 'dcgan-mnist', 90),
      manifest('fgan-mlp-kl', { loss: 'f-gan-kl' }, 'gan-mlp', 300),
      manifest('dcgan', {}, 'dcgan-mnist', 70),
    ];
    const sections = dcganProfile({ dataset: 'mnist', trainer: { loss: 'f-gan-kl' } }).cardSections!({ manifest: own, figures: [], siblings }).join('\n');
    expect(sections).toContain('## f-GAN divergences compared');
    expect(sections).toContain('the same DCGAN networks');
    expect(sections).toContain('| **Kullback–Leibler** | **`fgan-dcgan-kl`** | **80.0**');
    expect(sections).toContain('| total variation | `fgan-dcgan-tv` | 90.0');
    expect(sections).not.toContain('| `fgan-mlp-kl`');
    expect(sections).toContain('The same divergences on other networks, each card with its own table: `fgan-mlp-kl`.');
    expect(sections).not.toContain('`dcgan`');
    expect(sections).not.toContain('Wasserstein estimate');
    const plain = dcganProfile({ dataset: 'mnist', trainer: {} }).cardSections!({ manifest: manifest('dcgan', {}, 'dcgan-mnist', 70), figures: [], siblings }).join('\n');
    expect(plain).not.toContain('f-GAN divergences compared');
  });
});
