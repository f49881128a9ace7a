import type { Manifest } from '@genzoo/core';
import { exampleManifest } from '@genzoo/core/testing';
import { describe, expect, it } from 'vitest';
import { betaComparisonTable, vaeSettingsOf } from './beta-comparison.js';

function vae(id: string, trainer: Record<string, unknown>, metrics: Record<string, number>, dataset = 'mnist'): Manifest {
  const base = exampleManifest();
  return { ...base, id, dataset: { ...base.dataset, name: dataset }, training: { trainingFamily: 'vae', trainer }, metrics };
}

describe('betaComparisonTable', () => {
  const low = vae('beta-low', { beta: 0.25 }, { heldOutReconstructionNats: 70, heldOutKlNats: 40, heldOutElboNats: -110, fid: 30, precision: 0.7, recall: 0.5 });
  const plain = vae('plain', {}, { heldOutReconstructionNats: 80, heldOutKlNats: 25, heldOutElboNats: -105 });
  const high = vae('beta-high', { beta: 4 }, { heldOutReconstructionNats: 120, heldOutKlNats: 9, heldOutElboNats: -129, fid: 60 });

  it('reads the settings a manifest records, defaults filled in', () => {
    expect(vaeSettingsOf(plain)).toEqual({ latent: 16, likelihood: 'bernoulli', beta: 1 });
    expect(vaeSettingsOf({ ...plain, training: { trainingFamily: 'autoencoder' } })).toBeUndefined();
  });

  it('lists models differing only in β, sorted by β, this one in bold', () => {
    const table = betaComparisonTable(high, [low, plain, high])!;
    const rows = table.split('\n').slice(2);
    expect(rows).toEqual([
      '| `beta-low` | 0.25 | 70.0 | 40.0 | -110.0 | 30.0 | 0.70 | 0.50 |',
      '| `plain` | 1 | 80.0 | 25.0 | -105.0 | not measured | not measured | not measured |',
      '| **`beta-high`** | **4** | **120.0** | **9.0** | **-129.0** | **60.0** | **not measured** | **not measured** |',
    ]);
  });

  it('leaves out other datasets, latent sizes and likelihoods; undefined without peers', () => {
    const others = [
      vae('fashion', { beta: 0.25 }, {}, 'fashion-mnist'),
      vae('two-d', { beta: 0.25, latent: 2 }, {}),
      vae('gaussian', { beta: 0.25, likelihood: 'gaussian' }, {}),
      { ...low, id: 'ae', training: { trainingFamily: 'autoencoder' } },
    ];
    expect(betaComparisonTable(high, others)).toBeUndefined();
    expect(betaComparisonTable(high, [...others, low])!.split('\n')).toHaveLength(4);
  });
});
