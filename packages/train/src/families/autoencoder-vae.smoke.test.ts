import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifestText } from '@genzoo/core';
import { selectBackend } from '../backend/select-backend.js';
import { buildMlpDecoder, buildMlpEncoder } from '../models/mlp-autoencoder.js';
import { publishRun } from '../publish/publish-model.js';
import { refreshModelCard } from '../publish/refresh-card.js';
import { Rng } from '../random/rng.js';
import { AutoencoderTrainer } from '../trainers/autoencoder-trainer.js';
import { gaussianNll } from '../trainers/likelihoods.js';
import { runTraining } from '../trainers/training-run.js';
import { VaeTrainer } from '../trainers/vae-trainer.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-autoencoders-'));
const models = join(scratch, 'models');
beforeAll(async () => {
  await selectBackend('wasm');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const binaryBatch = (): tf.Tensor4D => tf.tensor4d(new Rng(3).normals(8 * 784).map((v) => (v > 0.5 ? 1 : 0)), [8, 28, 28, 1]);
const quiet = { sampleEvery: 0, checkpointEvery: 0, log: () => undefined } as const;

describe('MLP autoencoder and VAE families', () => {
  it('build a one-output encoder for the autoencoder, mean and logvar for the VAE, and a 28×28 decoder', () => {
    expect(buildMlpEncoder({ latent: 5, seed: 1 }, false).outputs.map((output) => output.shape)).toEqual([[null, 5]]);
    const encoder = buildMlpEncoder({ latent: 2, seed: 1 }, true);
    expect(encoder.outputNames).toEqual(['mean', 'logvar']);
    expect(buildMlpDecoder({ latent: 2, seed: 1 }).outputs[0]!.shape).toEqual([null, 28, 28, 1]);
  });

  it('β weights the KL term of the training loss, and held-out terms add up to the ELBO', () => {
    const trainer = new VaeTrainer({
      encoder: buildMlpEncoder({ latent: 4, seed: 2 }, true), decoder: buildMlpDecoder({ latent: 4, seed: 2 }),
      latentDim: 4, optimizer: tf.train.adam(1e-3), beta: 4, likelihood: gaussianNll,
    });
    const losses = trainer.step(binaryBatch(), new Rng(4));
    expect(losses.loss).toBeCloseTo(losses.recon + 4 * losses.kl, 1);
    const terms = trainer.evaluateTerms(() => binaryBatch(), 8, new Rng(5));
    expect(terms.elbo).toBeCloseTo(-(terms.recon + terms.kl), 3);
    expect(terms.kl).toBeGreaterThanOrEqual(0);
  });

  it('the autoencoder lowers its loss on a fixed batch', () => {
    const trainer = new AutoencoderTrainer({
      encoder: buildMlpEncoder({ latent: 4, seed: 2 }, false), decoder: buildMlpDecoder({ latent: 4, seed: 2 }),
      optimizer: tf.train.adam(1e-3), reconstructionLoss: gaussianNll,
    });
    const losses = [0, 1, 2].map(() => trainer.step(binaryBatch()));
    expect(losses[2]).toBeLessThan(losses[0]!);
    const scores = trainer.evaluate(() => binaryBatch(), 8);
    expect(scores.mse).toBeGreaterThan(0);
    expect(scores.mse).toBeLessThan(1);
  });

  it('ship an autoencoder: encoder with a code only, prior samples beside reconstructions, FID quoted after eval', async () => {
    const runDir = join(scratch, 'ae');
    const summary = await runTraining({ family: 'autoencoder', dataset: 'mnist', steps: 3, batchSize: 16, seed: 1, outDir: runDir, trainer: { latent: 4, likelihood: 'gaussian' }, ...quiet });
    expect(summary?.trainer).toEqual({ latent: 4, likelihood: 'gaussian' });
    expect(Object.keys(summary!.metrics).sort()).toEqual(['heldOutMse', 'heldOutReconstructionLoss']);
    const folder = join(models, 'ae-test');
    const manifest = await publishRun(runDir, 'ae-test', folder);
    expect(manifest.name).toBe('MLP autoencoder (MNIST, 4-d, MSE)');
    expect(manifest.graphs.encoder!.outputs.map((output) => [output.role, output.shape])).toEqual([['mean', ['batch', 4]]]);
    expect(existsSync(join(folder, 'reconstructions.png'))).toBe(true);
    expect(existsSync(join(folder, 'latent-map.png'))).toBe(false);
    expect(readFileSync(join(folder, 'README.md'), 'utf8')).toContain('FID of prior samples: not measured yet');

    // What `genzoo eval` adds: a figure in the manifest and a section at the end of the card.
    const evaluated = { ...JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')), metrics: { ...manifest.metrics, fid: 150.25 } };
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(evaluated));
    const evaluation = '<!-- genzoo-eval:start -->\n## Evaluation\nmeasured\n<!-- genzoo-eval:end -->\n';
    writeFileSync(join(folder, 'README.md'), `${readFileSync(join(folder, 'README.md'), 'utf8')}\n${evaluation}`);
    refreshModelCard(folder, runDir);
    const card = readFileSync(join(folder, 'README.md'), 'utf8');
    expect(card).toContain('FID of these prior samples (genzoo eval, 10000 samples): **150.3**');
    expect(card.endsWith(evaluation)).toBe(true);
    expect(card.split('genzoo-eval:start')).toHaveLength(2);
  }, 180_000);

  it('ship a 2-D β-VAE: ELBO terms in the manifest, reconstructions and a latent-space map from the ONNX graphs', async () => {
    const runDir = join(scratch, 'vae');
    const summary = await runTraining({ family: 'vae', dataset: 'mnist', steps: 3, batchSize: 16, seed: 1, outDir: runDir, trainer: { latent: 2, beta: 4 }, ...quiet });
    const { heldOutElboNats, heldOutReconstructionNats, heldOutKlNats } = summary!.metrics;
    expect(heldOutElboNats).toBeCloseTo(-(heldOutReconstructionNats! + heldOutKlNats!), 3);
    const folder = join(models, 'vae-test');
    const manifest = await publishRun(runDir, 'vae-test', folder);
    expect(manifest.name).toBe('MLP β-VAE (MNIST, 2-d latent, β = 4, Bernoulli)');
    expect(manifest.training['trainer']).toEqual({ latent: 2, beta: 4 });
    expect(manifest.metrics.exportMaxAbsError).toBeLessThanOrEqual(1e-4);
    expect(parseManifestText(readFileSync(join(folder, 'manifest.json'), 'utf8')).latent?.size).toBe(2);
    for (const file of ['samples.png', 'reconstructions.png', 'latent-map.png']) expect(existsSync(join(folder, file))).toBe(true);
    expect(Object.values(manifest.files.figures ?? {}).sort()).toEqual(['latent-map.png', 'reconstructions.png']);
    const card = readFileSync(join(folder, 'README.md'), 'utf8');
    expect(card).toContain('![decodings over a 20×20 grid of the 2-D latent plane](latent-map.png)');
    expect(card).toContain('## Held-out ELBO');
    expect(card).not.toContain('## β trade-off'); // the autoencoder beside it is no β peer
  }, 180_000);
});
