import { describe, expect, it } from 'vitest';
import { exampleClassifierManifest } from '../testing/example-classifier-manifest.js';
import { exampleManifest } from '../testing/example-manifest.js';
import { isClassifierManifest, ManifestError, parseManifest, parseModelManifest, parseModelManifestText } from './parse.js';
import { mutatedManifest, type MutableManifest } from '../testing/mutated-manifest.js';

type Mutable = MutableManifest;

const mutated = (change: (manifest: Mutable) => void): unknown => mutatedManifest(exampleClassifierManifest(), change);

const evaluation = {
  tool: '@genzoo/metrics 0.1.0',
  n: 10000,
  seed: 0,
  extractor: { id: 'classifier-mnist', file: 'classifier.onnx', sha256: 'a'.repeat(64) },
  reference: { dataset: 'mnist', split: 'train', size: 8000 },
  settings: { kidSubsets: 100 },
  figures: ['fid'],
  seconds: 12.5,
  evaluatedAt: '2026-11-21T00:00:00.000Z',
};

describe('classifier manifests', () => {
  it('accepts a classifier without latent or generator', () => {
    const manifest = parseModelManifest(exampleClassifierManifest());
    expect(isClassifierManifest(manifest)).toBe(true);
    expect(manifest.graphs).toHaveProperty('classifier');
  });

  it('still reads generative manifests, with or without an explicit kind', () => {
    expect(isClassifierManifest(parseModelManifest(exampleManifest()))).toBe(false);
    expect(parseModelManifest({ ...exampleManifest(), kind: 'generative' }).kind).toBe('generative');
  });

  it('refuses a classifier where a generative model is expected, saying what it is', () => {
    expect(() => parseManifest(exampleClassifierManifest(), 'models/c/manifest.json')).toThrow(
      'models/c/manifest.json: model "tiny-classifier" is a classifier (kind "classifier"): it classifies images and cannot generate',
    );
  });

  it('still requires a latent and a generator of generative models', () => {
    const noLatent = structuredClone(exampleManifest()) as Mutable;
    delete noLatent.latent;
    expect(() => parseModelManifest(noLatent)).toThrow('manifest.latent');
    const noGenerator = structuredClone(exampleManifest()) as Mutable;
    delete noGenerator.graphs.generator;
    expect(() => parseModelManifest(noGenerator)).toThrow('manifest.graphs.generator: every model needs a generator graph');
  });

  it.each<[string, (manifest: Mutable) => void, string]>([
    ['no classifier graph', (m) => (m.graphs = {}), 'manifest.graphs.classifier'],
    ['one class', (m) => (m.classes = ['a']), 'manifest.classes'],
    ['no logits output', (m) => (m.graphs.classifier.outputs[0].role = 'mean'), 'manifest.graphs.classifier.outputs: needs an output with role "logits"'],
    ['no features output', (m) => m.graphs.classifier.outputs.pop(), 'manifest.graphs.classifier.outputs: needs an output with role "features"'],
    ['logits of the wrong size', (m) => (m.graphs.classifier.outputs[0].shape = ['batch', 4]), 'manifest.graphs.classifier.outputs[0].shape: must be ["batch", 3 (one per class)]'],
    ['features without a batch', (m) => (m.graphs.classifier.outputs[1].shape = [4]), 'manifest.graphs.classifier.outputs[1].shape: must be ["batch", size]'],
    ['no image input', (m) => (m.graphs.classifier.inputs[0].role = 'latent'), 'manifest.graphs.classifier.inputs: needs an input with role "image"'],
    ['an image input of the wrong size', (m) => (m.graphs.classifier.inputs[0].shape = ['batch', 1, 9, 8]), 'manifest.graphs.classifier.inputs[0].shape'],
    ['an unknown kind', (m) => (m.kind = 'regressor'), 'manifest.kind'],
  ])('rejects %s and names the field', (_label, change, field) => {
    expect(() => parseModelManifest(mutated(change))).toThrow(ManifestError);
    expect(() => parseModelManifest(mutated(change))).toThrow(field);
  });

  it('reports malformed JSON for any kind', () => {
    expect(() => parseModelManifestText('{', 'x.json')).toThrow(/^invalid x.json: not valid JSON/);
  });
});

describe('evaluation protocol', () => {
  it('is accepted beside the figures it wrote, for both kinds', () => {
    const generative = { ...exampleManifest(), metrics: { fid: 3.2 }, evaluation };
    expect(parseManifest(generative).evaluation?.extractor.id).toBe('classifier-mnist');
    expect(parseModelManifest({ ...exampleClassifierManifest(), metrics: { fid: 1 }, evaluation }).evaluation?.n).toBe(10000);
  });

  it.each<[string, Mutable, string]>([
    ['a figure missing from metrics', { ...evaluation, figures: ['kid'] }, 'manifest.evaluation.figures[0]: "kid" is not in metrics'],
    ['a bad extractor hash', { ...evaluation, extractor: { ...evaluation.extractor, sha256: 'x' } }, 'manifest.evaluation.extractor.sha256'],
    ['an unknown reference split', { ...evaluation, reference: { ...evaluation.reference, split: 'test' } }, 'manifest.evaluation.reference.split'],
    ['a negative seed', { ...evaluation, seed: -1 }, 'manifest.evaluation.seed'],
  ])('rejects %s', (_label, bad, field) => {
    expect(() => parseManifest({ ...exampleManifest(), metrics: { fid: 3.2 }, evaluation: bad })).toThrow(field);
  });
});
