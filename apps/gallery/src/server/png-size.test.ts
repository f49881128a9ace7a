import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pngSize } from './png-size.js';

const root = mkdtempSync(join(tmpdir(), 'genzoo-png-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('pngSize', () => {
  it('reads the IHDR size, and gives undefined for anything else', () => {
    const header = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 44, 0, 0, 0, 60]);
    writeFileSync(join(root, 'a.png'), header);
    writeFileSync(join(root, 'b.png'), 'not a png at all, but long enough');
    expect(pngSize(join(root, 'a.png'))).toEqual({ width: 300, height: 60 });
    expect(pngSize(join(root, 'b.png'))).toBeUndefined();
    expect(pngSize(join(root, 'missing.png'))).toBeUndefined();
  });
});
