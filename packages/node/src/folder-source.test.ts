import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { FIXTURE } from '../test-support/fixture.js';
import { FolderSource, ModelFileError } from './folder-source.js';

describe('FolderSource', () => {
  const source = new FolderSource(FIXTURE);

  it('reads text and bytes of files in the folder', async () => {
    expect(JSON.parse(await source.readText('manifest.json'))).toMatchObject({ id: 'tiny-vae' });
    const bytes = await source.readBytes('generator.onnx');
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.byteLength).toBeGreaterThan(100);
  });

  it('names the missing file in one line', async () => {
    const missing = source.readBytes('nope.onnx');
    await expect(missing).rejects.toBeInstanceOf(ModelFileError);
    await expect(missing).rejects.toThrow(`cannot read ${path.join(FIXTURE, 'nope.onnx')}: it does not exist`);
  });

  it('keeps every path inside the folder', async () => {
    for (const escape of ['../build-fixtures.ts', 'sub/../../x', '/etc/passwd', '.', '']) {
      await expect(source.readText(escape)).rejects.toThrow('is not a file inside the model folder');
    }
  });

  it('uses the folder as given for messages', () => {
    expect(new FolderSource('models/tiny-vae/').location).toBe('models/tiny-vae');
  });
});
