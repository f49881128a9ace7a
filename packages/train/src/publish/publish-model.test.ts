import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel, parseManifestText, sha256Hex } from '@genzoo/node';
import sharp from 'sharp';
import { selectBackend } from '../backend/select-backend.js';
import { buildDcganMnistGenerator } from '../models/dcgan-mnist.js';
import { buildVaeMnistDecoder, buildVaeMnistEncoder } from '../models/vae-mnist.js';
import { publishModel } from './publish-model.js';
import { refreshModelCard } from './refresh-card.js';
import { oneStepSummary } from './publish-test-support.js';

const work = mkdtempSync(join(tmpdir(), 'genzoo-publish-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));


describe('publishModel', () => {
  it('ships a DCGAN folder whose graph matches tfjs and whose files match the manifest', async () => {
    await selectBackend('wasm');
    const outDir = join(work, 'dcgan-mnist');
    const manifest = await publishModel({ models: { generator: buildDcganMnistGenerator({ seed: 3 }) }, summary: oneStepSummary('dcgan-mnist'), id: 'dcgan-mnist', outDir });
    expect(manifest.metrics.exportMaxAbsError).toBeLessThanOrEqual(1e-4);
    expect(manifest.dataset).toEqual({ name: 'mnist', trainSize: 8000, heldOutSize: 2000, splitSeed: expect.any(Number) });
    expect(manifest.graphs.generator?.outputs[0]).toMatchObject({ shape: ['batch', 1, 28, 28], layout: 'NCHW', range: [-1, 1] });
    const onDisk = parseManifestText(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    expect(onDisk.graphs.generator?.sha256).toBe(await sha256Hex(readFileSync(join(outDir, 'generator.onnx'))));
    const png = await sharp(join(outDir, 'samples.png')).metadata();
    expect([png.width, png.height]).toEqual([8 * 28 + 9 * 2, 8 * 28 + 9 * 2]);
    expect(readFileSync(join(outDir, 'README.md'), 'utf8')).toContain('# DCGAN (MNIST)');
    // A training.json from before trainer settings were recorded says so instead of claiming the defaults.
    expect(manifest.training).not.toHaveProperty('trainer');
    expect(readFileSync(join(outDir, 'README.md'), 'utf8')).toContain('| trainer settings | not recorded');
  }, 60_000);

  it('records the trainer settings in the manifest and the card', async () => {
    const outDir = join(work, 'dcgan-hinge');
    const trained = { ...oneStepSummary('dcgan-mnist'), trainer: { loss: 'hinge', spectralNorm: true, learningRate: 1e-4 } };
    const manifest = await publishModel({ models: { generator: buildDcganMnistGenerator({ seed: 3 }) }, summary: trained, id: 'dcgan-hinge', outDir });
    expect(manifest.training['trainer']).toEqual({ loss: 'hinge', spectralNorm: true, learningRate: 1e-4 });
    expect(readFileSync(join(outDir, 'README.md'), 'utf8')).toContain('| trainer settings | --loss hinge, --spectral-norm, --lr 0.0001 (overriding Objective where they differ) |');
  }, 60_000);

  it('ships a WGAN-GP with its critic-estimate plot and latent walks listed in the manifest and the card', async () => {
    const runDir = join(work, 'wgan-gp-run');
    mkdirSync(runDir);
    writeFileSync(join(runDir, 'losses.jsonl'), [1, 2, 3].map((step) => JSON.stringify({ step, losses: { d: -5 / step, g: 1, gp: 0.1 } })).join('\n'));
    const outDir = join(work, 'wgan-gp');
    const trained = { ...oneStepSummary('dcgan-mnist'), trainer: { loss: 'wasserstein', gradientPenalty: 10, nCritic: 5 } };
    const manifest = await publishModel({ models: { generator: buildDcganMnistGenerator({ seed: 3 }) }, summary: trained, id: 'wgan-gp', outDir, runDir });
    expect(manifest).toMatchObject({ family: 'wgan-gp', name: 'WGAN-GP (MNIST)' });
    const figures = Object.values(manifest.files.figures ?? {});
    expect(figures).toEqual(['wasserstein-estimate.png', 'interpolations.png', 'latent-arithmetic.png']);
    for (const file of figures) expect((await sharp(join(outDir, file)).metadata()).width).toBeGreaterThan(100);
    const card = readFileSync(join(outDir, 'README.md'), 'utf8');
    expect(card).toContain('![line chart of the critic');
    expect(card).toContain('λ = 10');
    // A card re-rendered from the folder (`genzoo train card`) keeps the figures the manifest lists.
    writeFileSync(join(runDir, 'training.json'), JSON.stringify(trained));
    refreshModelCard(outDir, runDir);
    const refreshed = readFileSync(join(outDir, 'README.md'), 'utf8');
    for (const file of figures) expect(refreshed).toContain(`](${file})`);
    // Without its run folder (runs/ is not committed), the card is rebuilt from the manifest's training record alone.
    rmSync(runDir, { recursive: true });
    refreshModelCard(outDir);
    expect(readFileSync(join(outDir, 'README.md'), 'utf8')).toBe(refreshed);
  }, 60_000);

  it('ships both VAE graphs and they reconstruct through @genzoo/node', async () => {
    const outDir = join(work, 'vae-mnist');
    const models = { generator: buildVaeMnistDecoder({ seed: 4 }), encoder: buildVaeMnistEncoder({ seed: 4 }) };
    const manifest = await publishModel({ models, summary: oneStepSummary('vae-mnist'), id: 'vae-mnist', outDir });
    expect(Object.keys(manifest.graphs).sort()).toEqual(['encoder', 'generator']);
    const model = await loadModel(outDir, { device: 'cpu' });
    const sampled = await model.sample({ n: 2, seed: 1 });
    const rebuilt = await model.reconstruct(sampled.images);
    expect(rebuilt.images.dims).toEqual([2, 1, 28, 28]);
    await model.dispose();
  }, 60_000);

  it('leaves an existing folder untouched when publishing fails', async () => {
    const outDir = join(work, 'kept');
    await publishModel({ models: { generator: buildDcganMnistGenerator({ seed: 5 }) }, summary: oneStepSummary('dcgan-mnist'), id: 'kept', outDir });
    const before = readFileSync(join(outDir, 'manifest.json'), 'utf8');
    await expect(
      publishModel({ models: { generator: buildDcganMnistGenerator({ seed: 5 }) }, summary: oneStepSummary('no-such-family'), id: 'kept', outDir }),
    ).rejects.toThrow("no publish profile for family 'no-such-family'");
    await expect(publishModel({ models: { generator: buildDcganMnistGenerator({ seed: 5 }) }, summary: oneStepSummary('dcgan-mnist'), id: 'Bad Id', outDir })).rejects.toThrow(
      /manifest.id: must be lowercase/,
    );
    expect(readFileSync(join(outDir, 'manifest.json'), 'utf8')).toBe(before);
    expect(existsSync(`${outDir}.staging-${process.pid}`)).toBe(false);
  }, 60_000);
});
