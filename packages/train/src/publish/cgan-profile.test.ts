import { describe, expect, it } from 'vitest';
import type { Manifest } from '@genzoo/core';
import { exampleManifest } from '@genzoo/core/testing';
import { cganProfile } from './cgan-profile.js';

function cgan(id: string, family: string, metrics: Record<string, number>): Manifest {
  const base = exampleManifest();
  return { ...base, id, family, dataset: { ...base.dataset, name: 'mnist' }, metrics, training: { ...base.training, steps: 2000, wallClockSeconds: 600 } };
}

describe('cgan profile', () => {
  const concat = cgan('cgan-concat-mnist', 'cgan', { fid: 65.5, kid: 7.9, precision: 0.49, recall: 0.45, sampleClassAccuracy: 0.733 });
  const projection = cgan('cgan-projection-mnist', 'cgan-projection', { fid: 79.1, precision: 0.54, recall: 0.49 });

  it('names the discriminator and ships z and label to an image in [-1, 1]', () => {
    const profile = cganProfile({ dataset: 'mnist', trainer: { discriminator: 'projection' } });
    expect(profile).toMatchObject({ family: 'cgan-projection', name: 'Conditional GAN, projection discriminator (MNIST)' });
    expect(profile.graphs.generator?.inputs.map((input) => input.role)).toEqual(['latent', 'label']);
    expect(profile.sampleGrid?.labels?.slice(0, 11)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('compares the conditional GANs beside it on the same dataset, its own row in bold', () => {
    const sections = cganProfile({ dataset: 'mnist', trainer: {} }).cardSections!({ manifest: concat, siblings: [projection], figures: [] }).join('\n');
    expect(sections).toContain('## Concatenation vs projection discriminator');
    expect(sections).toContain('| **concatenation, 73.3% of samples of their class** | **`cgan-concat-mnist`** | **65.5** |');
    expect(sections).toContain('| projection | `cgan-projection-mnist` | 79.1 | — |');
  });

  it('has no comparison without a second conditional GAN on the dataset', () => {
    const other = { ...projection, dataset: { ...projection.dataset, name: 'fashion-mnist' } };
    expect(cganProfile({ dataset: 'mnist', trainer: {} }).cardSections!({ manifest: concat, siblings: [other], figures: [] }).join('\n')).not.toContain('Concatenation vs projection');
  });
});
