import type { Manifest } from '@genzoo/core';
import { describe, expect, it } from 'vitest';
import type { TrainerOptions } from '../trainers/trainer-options.js';
import { earlyTraining } from './figures/early-training.js';
import { earlyTrainingSvg } from './figures/early-training-figure.js';
import { ganMlpProfile } from './gan-mlp-profile.js';
import { fGanComparisonTable, tricksAblationTable } from './gan-comparison-tables.js';

/** The fields of a shipped manifest that the tables read. */
function model(id: string, trainer: TrainerOptions, metrics: Record<string, number> = {}, dataset = 'mnist', family = 'gan-mlp'): Manifest {
  return {
    id, dataset: { name: dataset }, metrics,
    training: { trainingFamily: family, trainer, steps: 4000, wallClockSeconds: 540 },
  } as unknown as Manifest;
}

describe('gan-mlp publish profile', () => {
  it('names the loss, the divergence and the tricks of the run', () => {
    const name = (trainer: TrainerOptions, dataset = 'mnist'): string => ganMlpProfile({ dataset, trainer }).name;
    expect(name({ loss: 'minimax' })).toBe('GAN, minimax loss (MNIST)');
    expect(name({})).toBe('GAN, non-saturating loss (MNIST)');
    expect(name({ loss: 'f-gan-pearson' })).toBe('f-GAN, Pearson χ² (MNIST)');
    expect(name({ loss: 'f-gan-reverse-kl' }, 'fashion-mnist')).toBe('f-GAN, reverse Kullback–Leibler (Fashion-MNIST)');
    expect(name({ minibatchDiscrimination: true })).toBe('GAN + minibatch discrimination (MNIST)');
    expect(name({ loss: 'non-saturating', labelSmoothing: 0.1 })).toBe('GAN + one-sided label smoothing (MNIST)');
    expect(name({ instanceNoise: 0.1, featureMatching: 1 })).toBe('GAN + instance noise + feature matching (MNIST)');
    expect(name({ loss: 'minimax', labelSmoothing: 0.1 })).toBe('GAN, minimax loss + one-sided label smoothing (MNIST)');
    expect(name({ loss: 'hinge' })).toBe('GAN, hinge loss (MNIST)');
  });

  it('states what was trained: the loss, each trick with its setting, and the optimizer', () => {
    const profile = ganMlpProfile({ dataset: 'mnist', trainer: { labelSmoothing: 0.1, featureMatching: 0.5 } });
    expect(profile.objective).toContain('G maximises log σ(D(G(z)))');
    expect(profile.objective).toContain("D's targets for real images are 0.9");
    expect(profile.objective).toContain('0.5 × ‖mean f(x) − mean f(G(z))‖²');
    expect(profile.objective).toContain('Adam(2e-4, β1 = 0.5)');
    expect(ganMlpProfile({ dataset: 'mnist', trainer: { loss: 'f-gan-kl' } }).objective).toContain('f-GAN (Nowozin et al. 2016) with the Kullback–Leibler divergence');
    expect(ganMlpProfile({ dataset: 'mnist', trainer: { minibatchDiscrimination: true } }).architecture).toContain('minibatch discrimination (50 kernels × 5');
    expect(ganMlpProfile({ dataset: 'mnist', trainer: { loss: 'minimax' } }).publishFigures).toBeDefined();
    expect(ganMlpProfile({ dataset: 'mnist', trainer: { loss: 'f-gan-kl' } }).publishFigures).toBeUndefined();
  });

  it('compares every f-GAN sibling on the dataset in the paper\'s order, this model in bold', () => {
    const own = model('fgan-pearson', { loss: 'f-gan-pearson' }, { fid: 90.04, kid: 10.5, precision: 0.41, recall: 0.52 });
    const siblings = [
      model('fgan-kl', { loss: 'f-gan-kl' }, { fid: 100, kid: 12, precision: 0.3, recall: 0.5 }),
      model('fgan-tv', { loss: 'f-gan-total-variation' }),
      model('fgan-kl-fashion', { loss: 'f-gan-kl' }, {}, 'fashion-mnist'),
      model('fgan-kl-ls', { loss: 'f-gan-kl', instanceNoise: 0.1 }),
      model('gan-ns', {}),
      model('dcgan-kl', { loss: 'f-gan-kl' }, {}, 'mnist', 'dcgan-mnist'),
    ];
    expect(fGanComparisonTable(own, siblings)!.split('\n')).toEqual([
      '| divergence | model | FID ↓ | KID ↓ | precision ↑ | recall ↑ | steps | training time |',
      '|---|---|---|---|---|---|---|---|',
      '| Kullback–Leibler | `fgan-kl` | 100.0 | 12.00 | 0.300 | 0.500 | 4000 | 9.0 min |',
      '| **Pearson χ²** | **`fgan-pearson`** | **90.0** | **10.50** | **0.410** | **0.520** | **4000** | **9.0 min** |',
      '| total variation | `fgan-tv` | — | — | — | — | 4000 | 9.0 min |',
      '',
      '—: not measured yet (`genzoo eval` on the model, then `genzoo train card` to refresh this card).',
    ]);
    expect(fGanComparisonTable(own, [siblings[2]!])).toBeUndefined();
    expect(fGanComparisonTable(model('gan-ns', {}), siblings)).toBeUndefined();
  });

  it('ablates tricks against the non-saturating baseline, baseline first', () => {
    const own = model('gan-ns', { loss: 'non-saturating' }, { fid: 1, kid: 1, precision: 1, recall: 1 });
    const siblings = [
      model('gan-mbd', { minibatchDiscrimination: true }, { fid: 2, kid: 2, precision: 0.5, recall: 0.5 }),
      model('gan-ls', { loss: 'non-saturating', labelSmoothing: 0.1 }, { fid: 3, kid: 3, precision: 0.5, recall: 0.5 }),
      model('gan-minimax', { loss: 'minimax' }),
    ];
    const rows = tricksAblationTable(own, siblings)!.split('\n').slice(2).map((row) => row.split(' | ')[0]);
    expect(rows).toEqual(['| **none (baseline)**', '| minibatch discrimination', '| one-sided label smoothing 0.1']);
    expect(tricksAblationTable(model('gan-minimax', { loss: 'minimax' }), siblings)).toBeUndefined();
  });
});

describe('early-training series', () => {
  it('says the samples miss the data when recall is near 0, and only then', () => {
    const sections = (metrics: Record<string, number>): string =>
      ganMlpProfile({ dataset: 'mnist', trainer: { loss: 'minimax' } }).cardSections!({ manifest: { ...model('m', { loss: 'minimax' }, metrics), files: {} } as Manifest, siblings: [], figures: [] }).join('\n');
    expect(sections({ fid: 403.2, recall: 0 })).toContain('Recall 0.000 (FID 403.2): almost no real image');
    expect(sections({ fid: 60, recall: 0.5 })).not.toContain('Samples off the data');
    expect(sections({})).not.toContain('Samples off the data');
  });

  it('keeps the first 1,000 steps of gGrad and dFake in 10-step means', () => {
    const points = Array.from({ length: 1200 }, (_, i) => ({ step: i + 1, losses: { d: 1, g: 1, dFake: (i % 10) / 10, gGrad: i + 1 } }));
    const series = earlyTraining(points, 'minimax')!;
    expect(series.loss).toBe('minimax');
    expect(series.steps).toHaveLength(100);
    expect(series.steps.slice(0, 2)).toEqual([5.5, 15.5]);
    expect(series.gGrad[0]).toBe(5.5);
    expect(series.dFake[0]).toBe(0.45);
    expect(earlyTraining([{ step: 1, losses: { d: 1, g: 1 } }], 'minimax')).toBeUndefined();
  });

  it('draws both panels with one legend entry per run', () => {
    const series = { loss: 'minimax', steps: [5, 15], gGrad: [0.5, 0.001], dFake: [0.5, 0.01] };
    const svg = earlyTrainingSvg([
      { label: 'gan-minimax (minimax, this model)', series, own: true },
      { label: 'gan-ns (non-saturating)', series: { ...series, loss: 'non-saturating' }, own: false },
    ]);
    expect(svg.match(/<polyline/g)).toHaveLength(4);
    expect(svg).toContain('gan-ns (non-saturating)');
    expect(svg).toContain('stroke="#d62728"');
    expect(svg).toContain('1e-3');
  });
});
