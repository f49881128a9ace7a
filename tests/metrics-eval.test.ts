import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { isClassifierManifest, parseModelManifestText, type AnyManifest } from '@genzoo/core';
import { EXTRACTORS, writeLeaderboard } from '@genzoo/metrics';
import { REPO_ROOT } from './helpers/test-models.js';

const run = promisify(execFile);
const CLI = join(REPO_ROOT, 'packages', 'node', 'dist', 'cli', 'bin.js');
const MODELS = join(REPO_ROOT, 'models');
const work = mkdtempSync(join(tmpdir(), 'genzoo-eval-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function genzoo(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, GENZOO_THREADS: '2' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function shipped(): { id: string; manifest: AnyManifest }[] {
  return ['dcgan-mnist', 'vae-mnist', 'classifier-mnist', 'classifier-fashion']
    .map((id) => join(MODELS, id, 'manifest.json'))
    .filter((path) => existsSync(path))
    .map((path) => {
      const manifest = parseModelManifestText(readFileSync(path, 'utf8'), path);
      return { id: manifest.id, manifest };
    });
}

const generative = shipped().find(({ manifest }) => !isClassifierManifest(manifest) && EXTRACTORS[manifest.dataset.name]);

describe('genzoo eval', () => {
  it('evaluates a copy of a shipped model, records the protocol, and re-checks it', async () => {
    expect(generative, 'models/ needs a generative MNIST model (dcgan-mnist or vae-mnist)').toBeDefined();
    const folder = join(work, generative!.id);
    cpSync(join(MODELS, generative!.id), folder, { recursive: true });

    const first = await genzoo(['eval', '--model', folder, '-n', '300', '--seed', '3']);
    expect(first.stderr).not.toMatch(/^genzoo/m);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/FID ↓\s+\d/);
    const manifest = parseModelManifestText(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.evaluation).toMatchObject({ n: 300, seed: 3, extractor: { id: 'classifier-mnist' }, reference: { dataset: 'mnist', split: 'train' } });
    expect(manifest.evaluation!.extractor.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const figure of ['fid', 'kid', 'inceptionScore', 'precision', 'recall', 'density', 'coverage', 'nearCopyRate']) {
      expect(manifest.metrics[figure], figure).toEqual(expect.any(Number));
    }
    expect(existsSync(join(folder, 'memorization.png'))).toBe(true);
    expect(readFileSync(join(folder, 'README.md'), 'utf8')).toContain('## Evaluation');

    const check = await genzoo(['eval', '--model', folder, '--check']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('all recorded figures reproduce');

    const tampered = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { metrics: Record<string, number> };
    tampered.metrics.fid = tampered.metrics.fid! * 2;
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(tampered));
    const caught = await genzoo(['eval', '--model', folder, '--check']);
    expect(caught.code).toBe(1);
    expect(caught.stdout).toMatch(/DIFF fid/);
  }, 300_000);

  it.each(shipped().filter(({ manifest }) => manifest.evaluation !== undefined).map(({ id }) => id))(
    'reproduces the figures recorded in models/%s',
    async (id) => {
      const check = await genzoo(['eval', '--model', id, '--check']);
      expect(check.stdout).toContain('all recorded figures reproduce');
      expect(check.code).toBe(0);
    },
    300_000,
  );

  it('finds models/README.md and models/leaderboard.json up to date (npm run leaderboard)', async () => {
    expect(await writeLeaderboard(MODELS, { check: true })).toEqual([]);
  });
});
