import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modelLocations, scanModels } from './model-registry.js';

const root = mkdtempSync(join(tmpdir(), 'genzoo-registry-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function manifest(id: string): Record<string, unknown> {
  const spec = (name: string, role: string, shape: unknown[], extra = {}) => ({ name, role, dtype: 'float32', shape, ...extra });
  return {
    schemaVersion: 1,
    id,
    name: id,
    family: 'vae',
    description: '',
    dataset: { name: 'mnist', trainSize: 10, heldOutSize: 0, splitSeed: 0 },
    latent: { size: 2, distribution: 'normal' },
    image: { width: 4, height: 4, channels: 1 },
    graphs: {
      generator: {
        file: 'decoder.onnx',
        sha256: '0'.repeat(64),
        bytes: 1,
        opset: 17,
        inputs: [spec('z', 'latent', ['batch', 2])],
        outputs: [spec('x', 'image', ['batch', 1, 4, 4], { layout: 'NCHW', range: [0, 1] })],
      },
    },
    training: {},
    metrics: {},
    files: { samples: 'samples.png', card: 'README.md' },
    createdAt: '2025-01-01T00:00:00Z',
  };
}

function writeModel(folder: string, content: unknown): string {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'manifest.json'), typeof content === 'string' ? content : JSON.stringify(content));
  return folder;
}

describe('scanModels', () => {
  const models = join(root, 'models');
  writeModel(join(models, 'b-model'), manifest('b-model'));
  writeModel(join(models, 'a-model'), manifest('a-model'));
  writeModel(join(models, 'broken'), '{ not json');
  const single = writeModel(join(root, 'fixture'), manifest('fixture'));
  const duplicate = writeModel(join(root, 'dup'), manifest('a-model'));

  it('leaves classifiers out quietly: they are models but not generators', () => {
    const folder = join(root, 'with-classifier');
    writeModel(join(folder, 'gen'), manifest('gen'));
    const classifier = {
      ...manifest('clf'),
      kind: 'classifier',
      classes: ['a', 'b'],
      latent: undefined,
      graphs: {
        classifier: {
          file: 'classifier.onnx',
          sha256: '0'.repeat(64),
          bytes: 1,
          opset: 17,
          inputs: [{ name: 'image', role: 'image', dtype: 'float32', shape: ['batch', 1, 4, 4], layout: 'NCHW', range: [0, 1] }],
          outputs: [
            { name: 'logits', role: 'logits', dtype: 'float32', shape: ['batch', 2] },
            { name: 'features', role: 'features', dtype: 'float32', shape: ['batch', 8] },
          ],
        },
      },
    };
    writeModel(join(folder, 'clf'), classifier);
    const { models: found, skipped } = scanModels([folder]);
    expect([...found.keys()]).toEqual(['gen']);
    expect(skipped).toEqual([]);
  });

  it('reads folders of models and single model folders, skipping bad ones with a reason', () => {
    const { models: found, skipped } = scanModels([models, single, duplicate, join(root, 'missing')]);
    expect([...found.keys()]).toEqual(['a-model', 'b-model', 'fixture']);
    expect(found.get('a-model')!.files).toEqual(new Set(['manifest.json', 'decoder.onnx', 'samples.png', 'README.md']));
    expect(skipped).toHaveLength(3);
    expect(skipped[0]).toMatch(/broken.*not valid JSON/);
    expect(skipped[1]).toMatch(/model id "a-model" is already served from/);
    expect(skipped[2]).toMatch(/missing: not a folder/);
  });

  it('reads GENZOO_MODELS as a path list, else the default', () => {
    expect(modelLocations({ GENZOO_MODELS: '/a:/b' }, '/default')).toEqual(['/a', '/b']);
    expect(modelLocations({}, '/default')).toEqual(['/default']);
  });
});
