import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { loadModel } from '@genzoo/node';
import { publishRun, runTraining } from '@genzoo/train';
import { REPO_ROOT } from '../helpers/test-models.js';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'genzoo-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The bin as `npx genzoo` runs it: the link npm made at install, to a file the build must make executable.
const CLI = join(REPO_ROOT, 'node_modules', '.bin', 'genzoo');

/** A few real optimizer steps on real data, then the shipped-model path: publish → onnxruntime-node. */
async function trainTiny(family: string): Promise<string> {
  const runDir = join(work, 'runs', family);
  const summary = await runTraining({
    family,
    dataset: 'mnist',
    steps: 3,
    batchSize: 8,
    seed: 1,
    outDir: runDir,
    sampleEvery: 0,
    checkpointEvery: 0,
    evalCount: 64,
    log: () => undefined,
  });
  expect(summary?.steps).toBe(3);
  for (const loss of Object.values(summary!.finalLosses)) expect(Number.isFinite(loss)).toBe(true);
  return runDir;
}

describe('train → export → sample', () => {
  it('trains a DCGAN for 3 steps, ships it, and samples it with the genzoo CLI', async () => {
    const runDir = await trainTiny('dcgan-mnist');
    const modelDir = join(work, 'models', 'tiny-dcgan');
    const manifest = await publishRun(runDir, 'tiny-dcgan', modelDir);
    expect(manifest.metrics.exportMaxAbsError).toBeLessThanOrEqual(1e-4);
    console.log(`dcgan export max abs error vs tfjs: ${manifest.metrics.exportMaxAbsError!.toExponential(2)}`);

    const grid = join(work, 'grid.png');
    const { stdout } = await run(CLI, ['sample', '--model', modelDir, '-n', '16', '--seed', '7', '-o', grid]);
    expect(stdout).toContain('onnxruntime-node on cpu');
    const { width, height, format } = await sharp(grid).metadata();
    expect(format).toBe('png');
    expect([width, height]).toEqual([4 * 28 + 5 * 2, 4 * 28 + 5 * 2]);
  });

  it('trains a VAE for 3 steps, ships encoder and decoder, and reconstructs held-out-shaped input', async () => {
    const runDir = await trainTiny('vae-mnist');
    const modelDir = join(work, 'models', 'tiny-vae-mnist');
    const manifest = await publishRun(runDir, 'tiny-vae-mnist', modelDir);
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
