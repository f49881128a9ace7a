import { describe, expect, it } from 'vitest';
import { exampleManifest, exampleTranslatorManifest } from '../testing/example-manifest.js';
import { parseManifest } from './parse.js';
import { mutatedManifest, type MutableManifest } from '../testing/mutated-manifest.js';

type Mutable = MutableManifest;

const mutated = (change: (manifest: Mutable) => void): unknown => mutatedManifest(exampleTranslatorManifest(), change);

describe('parseManifest on image-to-image translators', () => {
  it('accepts a translator with no generator and no latent', () => {
    const manifest = parseManifest(exampleTranslatorManifest());
    expect(manifest.latent).toBeUndefined();
    expect(manifest.translation?.b.name).toBe('dark');
    expect(Object.keys(manifest.graphs)).toEqual(['a2b', 'b2a']);
  });

  it('accepts a one-way translator (pix2pix ships a2b only)', () => {
    expect(parseManifest(mutated((m) => delete m.graphs.b2a)).graphs.b2a).toBeUndefined();
  });

  it.each<[string, (manifest: Mutable) => void, string]>([
    ['no translation block', (m) => delete m.translation, 'manifest.translation: required when there is an a2b graph'],
    ['b2a without a2b', (m) => delete m.graphs.a2b, 'manifest.graphs.b2a: a b2a graph needs an a2b graph beside it'],
    ['a latent without a generator', (m) => (m.latent = { size: 8, distribution: 'normal' }), 'manifest.latent: only a model with a generator graph has a latent'],
    ['no image input', (m) => (m.graphs.a2b.inputs[0].role = 'features'), 'manifest.graphs.a2b.inputs: needs exactly one tensor with role "image"'],
    ['an output of the wrong size', (m) => (m.graphs.b2a.outputs[0].shape = ['batch', 1, 9, 9]), 'manifest.graphs.b2a.outputs[0].shape: must be ["batch",1,8,8]'],
    ['a bad domain name', (m) => (m.translation.a.name = 'Light Images'), 'manifest.translation.a.name: must be lowercase'],
  ])('rejects %s', (_, change, message) => {
    expect(() => parseManifest(mutated(change))).toThrow(message);
  });

  it('still requires a latent beside a generator graph', () => {
    const manifest = structuredClone(exampleManifest()) as Mutable;
    delete manifest.latent;
    expect(() => parseManifest(manifest)).toThrow('manifest.latent: required when there is a generator graph');
  });

  it('names both options when a model has neither a generator nor a translator', () => {
    expect(() => parseManifest(mutated((m) => { m.graphs = {}; delete m.translation; }))).toThrow('an a2b graph for a translator');
  });
});
