import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { parseManifestText } from '@genzoo/core';
import { loadModel } from '@genzoo/node';
import { runTrainCli, type TrainingSummary } from '@genzoo/train';
import { REPO_ROOT } from '../helpers/test-models.js';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'genzoo-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The bin as `npx genzoo` runs it: the link npm made at install, to a file the build must make executable.
const CLI = join(REPO_ROOT, 'node_modules', '.bin', 'genzoo');

/** Flags of a tiny run: a few real optimizer steps on real data, shipped into models/<id>, its state in runs/<id>. */
function tinyRun(family: string, id: string): string[] {
  const out = ['--out', join(work, 'models', id), '--run-dir', join(work, 'runs', id)];
  return [family, '--dataset', 'mnist', '--steps', '3', '--batch', '8', '--seed', '1', ...out, '--sample-every', '0', '--checkpoint-every', '0', '--no-progress'];
}

function finishedRun(id: string): TrainingSummary {
  const summary = JSON.parse(readFileSync(join(work, 'runs', id, 'training.json'), 'utf8')) as TrainingSummary;
  expect(summary.steps).toBe(3);
  for (const loss of Object.values(summary.finalLosses)) expect(Number.isFinite(loss)).toBe(true);
  return summary;
}

describe('train --out → shipped model → sample', () => {
  it('`genzoo train dcgan-mnist … --out models/<id>` trains 3 steps, ships the folder, and `genzoo sample` draws from it', async () => {
    const { stdout: trained } = await run(CLI, ['train', ...tinyRun('dcgan-mnist', 'tiny-dcgan'), '--loss', 'hinge']);
    const modelDir = join(work, 'models', 'tiny-dcgan');
    expect(trained).toContain(`${modelDir}: DCGAN (MNIST) (generator), export max abs error vs tfjs`);
    expect(finishedRun('tiny-dcgan').trainer).toEqual({ loss: 'hinge' });
    const manifest = parseManifestText(readFileSync(join(modelDir, 'manifest.json'), 'utf8'));
    expect(manifest.id).toBe('tiny-dcgan');
    expect(manifest.training).toMatchObject({ steps: 3, trainer: { loss: 'hinge' } });
    expect(manifest.metrics.exportMaxAbsError).toBeLessThanOrEqual(1e-4);
    console.log(`dcgan export max abs error vs tfjs: ${manifest.metrics.exportMaxAbsError!.toExponential(2)}`);
    expect(existsSync(join(modelDir, 'README.md'))).toBe(true);

    const grid = join(work, 'grid.png');
    const { stdout } = await run(CLI, ['sample', '--model', modelDir, '-n', '16', '--seed', '7', '-o', grid]);
    expect(stdout).toContain('onnxruntime-node on cpu');
    const { width, height, format } = await sharp(grid).metadata();
    expect(format).toBe('png');
    expect([width, height]).toEqual([4 * 28 + 5 * 2, 4 * 28 + 5 * 2]);
  });

  it('trains a VAE for 3 steps, ships encoder and decoder, and reconstructs held-out-shaped input', async () => {
    // In-process with a small held-out split, so the end-of-run ELBO evaluation stays quick.
    expect(await runTrainCli(tinyRun('vae-mnist', 'tiny-vae-mnist'), { evalCount: 64 })).toBe(0);
    finishedRun('tiny-vae-mnist');
    const modelDir = join(work, 'models', 'tiny-vae-mnist');
    const manifest = parseManifestText(readFileSync(join(modelDir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.graphs).sort()).toEqual(['encoder', 'generator']);
    expect(manifest.metrics.exportMaxAbsError).toBeLessThanOrEqual(1e-4);
    expect(manifest.metrics.heldOutElboNats).toBeLessThan(0);
    const model = await loadModel(modelDir, { device: 'cpu' });
    try {
      const sampled = await model.sample({ n: 4, seed: 3 });
      const again = await model.sample({ n: 4, seed: 3 });
      expect(again.images.data).toEqual(sampled.images.data);
      const rebuilt = await model.reconstruct(sampled.images);
      expect(rebuilt.images.dims).toEqual([4, 1, 28, 28]);
    } finally {
      await model.dispose();
    }
  });
});
