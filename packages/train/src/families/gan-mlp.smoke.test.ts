import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseManifestText, type Manifest } from '@genzoo/core';
import { selectBackend } from '../backend/select-backend.js';
import { runCardCommand } from '../cli/card-command.js';
import { buildGanMlpDiscriminator, buildGanMlpGenerator, GAN_MLP_FEATURE_LAYER, GAN_MLP_LATENT, GAN_MLP_MINIBATCH } from '../models/gan-mlp.js';
import { readEarlyTraining } from '../publish/figures/early-training.js';
import { siblingEarlyTraining } from '../publish/gan-mlp-profile.js';
import { publishRun } from '../publish/publish-model.js';
import { refreshModelCard } from '../publish/refresh-card.js';
import type { TrainerOptions } from '../trainers/trainer-options.js';
import { runTraining } from '../trainers/training-run.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-gan-mlp-'));
const models = join(scratch, 'models');
beforeAll(async () => {
  await selectBackend('wasm');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function trainAndShip(id: string, trainer: TrainerOptions): Promise<Manifest> {
  const runDir = join(scratch, 'runs', id);
  const summary = await runTraining({
    family: 'gan-mlp', dataset: 'mnist', steps: 3, batchSize: 8, seed: 1, outDir: runDir, trainer,
    backend: 'wasm', sampleEvery: 0, checkpointEvery: 0, log: () => {},
  });
  expect(Object.keys(summary!.finalLosses)).toEqual(['d', 'g', 'dFake', 'gGrad']);
  return publishRun(runDir, id, join(models, id));
}

function evaluate(id: string, metrics: Record<string, number>): void {
  const path = join(models, id, 'manifest.json');
  const manifest = parseManifestText(readFileSync(path, 'utf8'), path);
  writeFileSync(path, JSON.stringify({ ...manifest, metrics: { ...manifest.metrics, ...metrics } }));
}

describe('gan-mlp', () => {
  it('G maps z(64) to a 28×28 image; D flattens it to one logit, with minibatch discrimination after the feature layer when asked', () => {
    const generator = buildGanMlpGenerator({ seed: 1 });
    expect(generator.inputs[0]!.shape).toEqual([null, GAN_MLP_LATENT]);
    expect(generator.outputs[0]!.shape).toEqual([null, 28, 28, 1]);
    const plain = buildGanMlpDiscriminator({ seed: 1 });
    expect(plain.outputs[0]!.shape).toEqual([null, 1]);
    expect(plain.getLayer(GAN_MLP_FEATURE_LAYER).outputShape).toEqual([null, 256]);
    const names = buildGanMlpDiscriminator({ seed: 1, minibatchDiscrimination: true }).layers.map((layer) => layer.name);
    expect(names.slice(names.indexOf(GAN_MLP_FEATURE_LAYER))).toEqual([GAN_MLP_FEATURE_LAYER, 'd_minibatch', 'd_logit']);
    expect(buildGanMlpDiscriminator({ seed: 1, minibatchDiscrimination: true }).getLayer('d_minibatch').outputShape).toEqual([null, 256 + GAN_MLP_MINIBATCH.kernels]);
  });

  it('trains with minibatch discrimination, exports and publishes; the card compares tricks once evaluated', async () => {
    const minibatch = await trainAndShip('gan-mbd-test', { minibatchDiscrimination: true });
    expect(minibatch.name).toBe('GAN + minibatch discrimination (MNIST)');
    expect(minibatch.family).toBe('gan');
    expect(minibatch.graphs.generator!.inputs.map((input) => [input.name, input.role])).toEqual([['z', 'latent']]);
    expect(minibatch.graphs.generator!.outputs[0]!.range).toEqual([-1, 1]);
    expect(minibatch.metrics['exportMaxAbsError']).toBeLessThan(1e-4);
    const folder = join(models, 'gan-mbd-test');
    for (const file of ['generator.onnx', 'samples.png', 'README.md', 'early-training.png', 'early-training.json']) expect(existsSync(join(folder, file)), file).toBe(true);
    expect(Object.values(minibatch.files.figures ?? {})).toEqual(['early-training.png']);
    expect(readEarlyTraining(folder)?.steps).toEqual([2]);
    const card = readFileSync(join(folder, 'README.md'), 'utf8');
    expect(card).toContain('Minibatch discrimination (Salimans et al. 2016)');
    expect(card).toContain('![the generator');

    await trainAndShip('gan-ns-test', { loss: 'non-saturating' });
    evaluate('gan-ns-test', { fid: 80.5, kid: 9.1, precision: 0.4, recall: 0.6 });
    refreshModelCard(folder, join(scratch, 'runs', 'gan-mbd-test'));
    const refreshed = readFileSync(join(folder, 'README.md'), 'utf8');
    expect(refreshed).toContain('## Training tricks ablation');
    expect(refreshed).toContain('![the generator');
    expect(refreshed).toMatch(/\| none \(baseline\) \| `gan-ns-test` \| 80\.5 \| 9\.10 \| 0\.400 \| 0\.600 \| 3 \|/);
    expect(refreshed).toMatch(/\| \*\*minibatch discrimination\*\* \| \*\*`gan-mbd-test`\*\* \| \*\*—\*\*/);
  }, 120_000);

  it('the minimax figure draws the plain non-saturating model, not the one with tricks; genzoo train card redraws the earlier figure', async () => {
    const minimax = await trainAndShip('gan-minimax-test', { loss: 'minimax' });
    expect(minimax.name).toBe('GAN, minimax loss (MNIST)');
    expect(siblingEarlyTraining(models, minimax).map((curve) => curve.label)).toEqual(['gan-ns-test (non-saturating)']);
    // The non-saturating model was published first; `genzoo train card` redraws its figure with the minimax curves.
    const figure = join(models, 'gan-ns-test', 'early-training.png');
    const before = readFileSync(figure);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await runCardCommand([join(models, 'gan-ns-test'), '--run', join(scratch, 'runs', 'gan-ns-test')])).toBe(0);
    log.mockRestore();
    expect(readFileSync(figure).equals(before)).toBe(false);
  }, 120_000);

  it('f-GAN runs publish without the saturation figure', async () => {
    const pearson = await trainAndShip('fgan-pearson-test', { loss: 'f-gan-pearson' });
    expect(pearson.name).toBe('f-GAN, Pearson χ² (MNIST)');
    expect(pearson.family).toBe('f-gan');
    expect(pearson.files.figures).toBeUndefined();
  }, 120_000);
});
