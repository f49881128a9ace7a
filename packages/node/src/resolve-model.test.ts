import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { copyFixture, FIXTURE, makeTempDir, removeTempDir } from '../test-support/fixture.js';
import { listModels, resolveModelFolder, UnknownModelError } from './resolve-model.js';

describe('resolveModelFolder', () => {
  let root: string;
  beforeAll(async () => {
    root = await makeTempDir();
    await mkdir(path.join(root, 'models'));
    await copyFixture(path.join(root, 'models'), 'alpha');
    await mkdir(path.join(root, 'elsewhere'));
    await copyFixture(path.join(root, 'elsewhere'), 'beta');
    await copyFixture(path.join(root, 'elsewhere'), 'alpha');
    await mkdir(path.join(root, 'project', 'deep', 'er'), { recursive: true });
    await mkdir(path.join(root, 'models', 'not-a-model'));
  });
  afterAll(() => removeTempDir(root));

  const env = {};

  it('uses a path as-is', async () => {
    expect(await resolveModelFolder(FIXTURE, { env })).toBe(FIXTURE);
    expect(await resolveModelFolder('./models/alpha', { cwd: root, env })).toBe(path.join(root, 'models', 'alpha'));
  });

  it('uses a bare name that exists in the working folder as a path', async () => {
    expect(await resolveModelFolder('alpha', { cwd: path.join(root, 'elsewhere'), env })).toBe(path.join(root, 'elsewhere', 'alpha'));
  });

  it('finds an id in models/ of the working folder or an ancestor', async () => {
    expect(await resolveModelFolder('alpha', { cwd: path.join(root, 'project', 'deep', 'er'), env })).toBe(path.join(root, 'models', 'alpha'));
  });

  it('looks in $GENZOO_MODELS first', async () => {
    const withEnv = { GENZOO_MODELS: path.join(root, 'elsewhere') };
    const cwd = path.join(root, 'project');
    expect(await resolveModelFolder('beta', { cwd, env: withEnv })).toBe(path.join(root, 'elsewhere', 'beta'));
    expect(await resolveModelFolder('alpha', { cwd, env: withEnv })).toBe(path.join(root, 'elsewhere', 'alpha'));
    expect((await listModels({ cwd, env: withEnv })).map((model) => model.id)).toEqual(['alpha', 'beta']);
  });

  it('lists the known ids for an unknown one, in one line', async () => {
    const error = await resolveModelFolder('gamma', { cwd: path.join(root, 'project'), env }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnknownModelError);
    expect((error as Error).message).toBe('unknown model "gamma": known models: alpha (searched models/ in the working folder and its ancestors)');
  });

  it('rejects folders that are missing or have no manifest', async () => {
    await expect(resolveModelFolder('./nothing-here', { cwd: root, env })).rejects.toThrow('model folder ./nothing-here does not exist or is not a folder');
    await expect(resolveModelFolder('models/not-a-model', { cwd: root, env })).rejects.toThrow('models/not-a-model is not a model folder: it has no manifest.json');
    await expect(resolveModelFolder(' ', { cwd: root, env })).rejects.toThrow('model must be a model id or a folder');
  });
});
