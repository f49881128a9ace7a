import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { datasetCacheDir, findRepoRoot } from './paths.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-paths-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

describe('paths', () => {
  it('finds the workspace root above a package', () => {
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ workspaces: ['packages/*'] }));
    mkdirSync(join(scratch, 'packages', 'x', 'src'), { recursive: true });
    writeFileSync(join(scratch, 'packages', 'x', 'package.json'), JSON.stringify({ name: 'x' }));
    expect(findRepoRoot(join(scratch, 'packages', 'x', 'src'))).toBe(scratch);
  });

  it('uses GENZOO_CACHE_DIR when set, else <repo>/.cache/datasets', () => {
    vi.stubEnv('GENZOO_CACHE_DIR', join(scratch, 'cache'));
    expect(datasetCacheDir()).toBe(join(scratch, 'cache'));
    vi.stubEnv('GENZOO_CACHE_DIR', '');
    expect(datasetCacheDir()).toBe(join(findRepoRoot(), '.cache', 'datasets'));
  });
});
