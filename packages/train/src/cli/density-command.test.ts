import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifest } from '@genzoo/core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run } from './index.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-density-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  const error = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
  try {
    const code = await run(argv);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('genzoo train kde|gmm', () => {
  it.each<[string, string[], RegExp]>([
    ['an unknown dataset', ['kde', '--dataset', 'spiral', '--out', 'x'], /unknown dataset 'spiral' \(expected one of ring, grid, moons, swiss-roll, mnist, fashion-mnist\)/],
    ['no output folder', ['gmm', '--dataset', 'ring'], /required option '-o, --out <folder>'/],
    ['a bad covariance type', ['gmm', '--dataset', 'ring', '--out', 'x', '--covariance', 'banded'], /unknown covariance type 'banded'/],
    ['gmm flags on a KDE', ['kde', '--dataset', 'ring', '--out', 'x', '--components', '3'], /apply to gmm only/],
    ['a bad criterion', ['gmm', '--dataset', 'ring', '--out', 'x', '--criterion', 'aic'], /--criterion/],
  ])('%s: exit code 2 and one line', async (_label, argv, message) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain('\n');
  });

  it('fits a mixture to the ring and publishes a valid points model', async () => {
    const out = join(scratch, 'gmm-ring-test');
    const { code, stdout, stderr } = await cli(['gmm', '--dataset', 'ring', '--out', out, '--covariance', 'spherical,diag', '--components', '4,8']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/chosen by held-out: (spherical|diag) K=8/);
    const manifest = parseManifest(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')), 'manifest.json');
    expect(manifest).toMatchObject({ id: 'gmm-ring-test', family: 'gmm', points: { dims: 2 }, mixture: { components: 8 }, dataset: { name: 'ring', trainSize: 4000, heldOutSize: 2000 } });
    expect(manifest.metrics.exportMaxRelError).toBeLessThan(1e-4);
    expect(manifest.metrics.heldOutLogLikelihood).toBeGreaterThan(2.5);
    const card = readFileSync(join(out, 'README.md'), 'utf8');
    expect(card).toContain('BIC on the fitting points');
    expect(card).toMatch(/\| 8 \| \*\*/);
  }, 120_000);
});
