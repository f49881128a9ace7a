import { describe, expect, it } from 'vitest';
import { exampleManifest } from '../testing/example-manifest.js';
import { ManifestError, parseManifest, parseManifestText } from './parse.js';
import { mutatedManifest, type MutableManifest } from '../testing/mutated-manifest.js';

type Mutable = MutableManifest;

const mutated = (change: (manifest: Mutable) => void): unknown => mutatedManifest(exampleManifest(), change);

describe('parseManifest', () => {
  it('accepts a complete manifest', () => {
    const manifest = parseManifest(exampleManifest());
    expect(manifest.id).toBe('tiny-vae');
    expect(manifest.graphs.encoder?.outputs.map((output) => output.role)).toEqual(['mean', 'logvar']);
  });

  it.each<[string, (manifest: Mutable) => void, string]>([
    ['a missing id', (m) => delete m.id, 'manifest.id'],
    ['an upper-case id', (m) => (m.id = 'Tiny'), 'manifest.id: must be lowercase letters, digits and dashes'],
    ['a wrong schema version', (m) => (m.schemaVersion = 2), 'manifest.schemaVersion'],
    ['a string latent size', (m) => (m.latent.size = '8'), 'manifest.latent.size'],
    ['an unknown latent distribution', (m) => (m.latent.distribution = 'cauchy'), 'manifest.latent.distribution'],
    ['a short sha256', (m) => (m.graphs.generator.sha256 = 'abc'), 'manifest.graphs.generator.sha256: must be 64 lowercase hex characters'],
    ['a file path that escapes the folder', (m) => (m.graphs.generator.file = '../x.onnx'), 'manifest.graphs.generator.file'],
    ['no generator', (m) => delete m.graphs.generator, 'manifest.graphs.generator: every model needs a generator graph'],
    ['a latent input of the wrong size', (m) => (m.graphs.generator.inputs[0].shape = ['batch', 9]), 'manifest.graphs.generator.inputs[0].shape: must be ["batch", 8]'],
    ['an image output without a range', (m) => delete m.graphs.generator.outputs[0].range, 'manifest.graphs.generator.outputs[0].range: image tensors need a value range'],
    ['an image output of the wrong size', (m) => (m.graphs.generator.outputs[0].shape = ['batch', 1, 9, 8]), 'manifest.graphs.generator.outputs[0].shape'],
    ['an inverted range', (m) => (m.graphs.generator.outputs[0].range = [1, -1]), 'manifest.graphs.generator.outputs[0].range: low end must be below high end'],
    ['a non-number metric', (m) => (m.metrics.fid = 'good'), 'manifest.metrics.fid'],
    ['a bad timestamp', (m) => (m.createdAt = 'yesterday'), 'manifest.createdAt'],
  ])('rejects %s and names the field', (_label, change, field) => {
    expect(() => parseManifest(mutated(change))).toThrow(ManifestError);
    expect(() => parseManifest(mutated(change))).toThrow(field);
  });

  it('lists every problem, not just the first', () => {
    try {
      parseManifest(mutated((m) => ((m.id = 'X'), (m.latent.size = -1))));
      expect.unreachable();
    } catch (error) {
      const { problems } = error as ManifestError;
      expect(problems[0]).toBe('manifest.id: must be lowercase letters, digits and dashes');
      expect(problems[1]).toMatch(/^manifest.latent.size: /);
      expect((error as Error).message).toContain(`(and ${problems.length - 1} more)`);
    }
  });

  it('reports malformed JSON as a one-line manifest error naming the source', () => {
    expect(() => parseManifestText('{"id": ', 'models/x/manifest.json')).toThrow(/^invalid models\/x\/manifest.json: not valid JSON/);
  });
});
