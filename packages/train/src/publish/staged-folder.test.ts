import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFolderAtomically } from './staged-folder.js';

const work = mkdtempSync(join(tmpdir(), 'genzoo-staged-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function oldFolder(name: string): string {
  const target = join(work, name);
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'old.txt'), 'old');
  return target;
}

describe('buildFolderAtomically', () => {
  it('replaces the whole folder when the build succeeds, leaving nothing beside it', async () => {
    const target = oldFolder('ok');
    const result = await buildFolderAtomically(target, async (staging) => {
      writeFileSync(join(staging, 'new.txt'), 'new');
      return 42;
    });
    expect(result).toBe(42);
    expect(readdirSync(target)).toEqual(['new.txt']);
    expect(readdirSync(work).filter((name) => name.startsWith('ok'))).toEqual(['ok']);
  });

  it('creates missing parent folders', async () => {
    const target = join(work, 'deep', 'er', 'model');
    await buildFolderAtomically(target, async (staging) => writeFileSync(join(staging, 'a'), 'a'));
    expect(readFileSync(join(target, 'a'), 'utf8')).toBe('a');
  });

  it('keeps the old folder and removes the half-built one when the build fails', async () => {
    const target = oldFolder('kept');
    await expect(
      buildFolderAtomically(target, async (staging) => {
        writeFileSync(join(staging, 'half.txt'), 'half');
        throw new Error('export failed');
      }),
    ).rejects.toThrow('export failed');
    expect(readdirSync(target)).toEqual(['old.txt']);
    expect(readdirSync(work).filter((name) => name.startsWith('kept'))).toEqual(['kept']);
  });
});
