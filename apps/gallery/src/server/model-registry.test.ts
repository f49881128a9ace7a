import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleClassifierManifest, exampleManifest } from '@genzoo/core/testing';
import { modelLocations, scanModels } from './model-registry.js';

const root = mkdtempSync(join(tmpdir(), 'genzoo-registry-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A generator-only model whose one graph is `decoder.onnx`. */
function manifest(id: string): Record<string, unknown> {
  const example = exampleManifest();
  return { ...example, id, name: id, graphs: { generator: { ...example.graphs.generator!, file: 'decoder.onnx' } } };
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
    const classifier = { ...exampleClassifierManifest(), id: 'clf' };
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

  it('serves the memorization grid of an evaluated model as a figure, and the manifest\'s figures', () => {
    const folder = join(root, 'evaluated');
    const example = manifest('evaluated');
    writeModel(folder, { ...example, files: { ...(example.files as object), figures: { 'Reconstructions': 'reconstructions.png' } } });
    writeFileSync(join(folder, 'memorization.png'), '');
    const model = scanModels([folder]).models.get('evaluated')!;
    expect(model.figures.map((figure) => figure.file)).toEqual(['reconstructions.png', 'memorization.png']);
    expect(model.figures[0]!.size).toBeUndefined();
    expect(model.figures[1]!.caption).toMatch(/^Memorization check/);
    expect(model.files.has('memorization.png')).toBe(true);
    expect(scanModels([models]).models.get('a-model')!.figures).toEqual([]);
  });

  it('reads GENZOO_MODELS as a path list, else the default', () => {
    expect(modelLocations({ GENZOO_MODELS: '/a:/b' }, '/default')).toEqual(['/a', '/b']);
    expect(modelLocations({}, '/default')).toEqual(['/default']);
  });
});
