import type { Manifest } from '@genzoo/core';
import { exampleManifest } from '@genzoo/core/testing';
import { describe, expect, it } from 'vitest';
import { autoencoderProfile, vaeProfile } from './autoencoder-profiles.js';
import { FIGURE_FILES, type CardFigure } from './figures/model-figures.js';
import { getPublishProfile } from './publish-profile.js';

const reconstructions: CardFigure = { file: FIGURE_FILES.reconstructions, title: 'Reconstructions', alt: 'inputs above reconstructions', caption: 'Reconstructions.' };
const latentMap: CardFigure = { file: FIGURE_FILES.latentMap, title: 'Latent map', alt: 'map', caption: 'Latent map.' };

function manifest(id: string, training: Record<string, unknown>, metrics: Record<string, number>): Manifest {
  return { ...exampleManifest(), id, training, metrics };
}

describe('autoencoder and VAE publish profiles', () => {
  it('name the dataset, latent size, β and likelihood of the run', () => {
    expect(vaeProfile({ dataset: 'mnist' }).name).toBe('MLP VAE (MNIST, 16-d latent, Bernoulli)');
    expect(vaeProfile({ dataset: 'mnist', trainer: { beta: 4 } }).name).toBe('MLP β-VAE (MNIST, 16-d latent, β = 4, Bernoulli)');
    expect(vaeProfile({ dataset: 'fashion-mnist', trainer: { latent: 2, likelihood: 'gaussian' } }).name).toBe('MLP VAE (Fashion-MNIST, 2-d latent, Gaussian σ = 0.1)');
    expect(autoencoderProfile({ dataset: 'fashion-mnist', trainer: { likelihood: 'gaussian' } }).name).toBe('MLP autoencoder (Fashion-MNIST, 16-d, MSE)');
  });

  it('describe the objective and architecture that the settings chose', () => {
    const high = vaeProfile({ dataset: 'mnist', trainer: { beta: 4, latent: 8 } });
    expect(high.objective).toContain('β = 4 × KL(q(z|x) ‖ N(0, I))');
    expect(high.objective).toContain('uses β = 1 whatever the training β');
    expect(high.architecture).toContain('two dense heads of 8: μ and log σ²');
    expect(high.weaknesses).toContain('over-weights the KL term');
    expect(vaeProfile({ dataset: 'mnist', trainer: { beta: 0.25 } }).weaknesses).toContain('holes');
    const gaussian = vaeProfile({ dataset: 'mnist', trainer: { likelihood: 'gaussian' } });
    expect(gaussian.objective).toContain('fixed (not learned) σ = 0.1');
    expect(gaussian.objective).toContain('without dequantization');
    expect(gaussian.cardSections!({ manifest: manifest('g', {}, { heldOutElboNats: 550 }), figures: [], siblings: [] }).join('\n')).toContain('784·log 256 ≈ 4347 nats');
    expect(gaussian.objective).toContain('i.e. 50 × the summed squared error');
    expect(autoencoderProfile({ dataset: 'mnist', trainer: { likelihood: 'gaussian' } }).weaknesses).toContain('(50 × the summed squared error plus a constant)');
    const ae = autoencoderProfile({ dataset: 'mnist' });
    expect(ae.graphs.encoder!.outputs.map((output) => output.role)).toEqual(['mean']);
    expect(vaeProfile({ dataset: 'mnist' }).graphs.encoder!.outputs.map((output) => output.role)).toEqual(['mean', 'logvar']);
  });

  it('are found by family, and need the run', () => {
    expect(getPublishProfile('vae', { dataset: 'mnist', trainer: { beta: 4 } }).name).toContain('β = 4');
    expect(() => getPublishProfile('vae')).toThrow("the publish profile of family 'vae' depends on the run's settings");
    expect(() => getPublishProfile('no-such-family')).toThrow(/no publish profile for family 'no-such-family' \(known: .*autoencoder, vae/);
  });

  it("put an autoencoder's reconstructions beside its prior samples, with their FID once measured", () => {
    const sections = autoencoderProfile({ dataset: 'mnist' }).cardSections!;
    const unmeasured = sections({ manifest: manifest('ae', {}, { heldOutMse: 0.0123 }), figures: [reconstructions], siblings: [] }).join('\n');
    expect(unmeasured).toContain('| ![inputs above reconstructions](reconstructions.png) | ![decodings of 64 prior samples, seed 0](samples.png) |');
    expect(unmeasured).toContain('held-out MSE 0.0123 per pixel');
    expect(unmeasured).toContain('FID of prior samples: not measured yet');
    const vaeSibling = manifest('vae-mnist-mlp', { trainingFamily: 'vae' }, { fid: 20.5 });
    const others = [
      manifest('a-2d', { trainingFamily: 'vae', trainer: { latent: 2 } }, { fid: 90 }),
      manifest('b-beta', { trainingFamily: 'vae', trainer: { beta: 4 } }, { fid: 50 }),
      manifest('c-unmeasured', { trainingFamily: 'vae' }, {}),
    ];
    const measured = sections({ manifest: manifest('ae', {}, { fid: 123.45 }), figures: [reconstructions], siblings: [...others, vaeSibling] }).join('\n');
    expect(measured).toContain('**123.5**');
    expect(measured).toContain('the VAE `vae-mnist-mlp` on the same data, whose KL term pulls its codes towards the prior, has FID 20.5');
  });

  it("show a VAE's reconstructions, latent map, ELBO terms and β trade-off", () => {
    const own = manifest('high', { trainingFamily: 'vae', trainer: { beta: 4 } }, { heldOutElboNats: -130.04, heldOutReconstructionNats: 120, heldOutKlNats: 10.04 });
    const peer = manifest('low', { trainingFamily: 'vae', trainer: { beta: 0.25 } }, { heldOutElboNats: -110 });
    const text = vaeProfile({ dataset: 'mnist', trainer: { beta: 4 } }).cardSections!({ manifest: own, figures: [reconstructions, latentMap], siblings: [peer] }).join('\n');
    expect(text).toContain('## Reconstructions\n\n![inputs above reconstructions](reconstructions.png)');
    expect(text).toContain('## Latent-space map\n\n![map](latent-map.png)');
    expect(text).toContain('ELBO **-130.0 nats** per image on the 2000 held-out images = −(reconstruction 120.0 + KL 10.0) (β = 1, not the training β = 4)');
    expect(text).toContain('## β trade-off');
    expect(text).toContain('| `low` | 0.25 |');
  });
});
