import { describe, expect, it } from 'vitest';
import { exampleMixtureManifest } from '../testing/example-manifest.js';
import { ManifestError, parseManifest } from './parse.js';
import { mutatedManifest, type MutableManifest } from '../testing/mutated-manifest.js';

type Mutable = MutableManifest;

const mutated = (change: (manifest: Mutable) => void): unknown => mutatedManifest(exampleMixtureManifest(), change);

describe('parseManifest on mixtures of points', () => {
  it('accepts a points model with a mixture and a density graph', () => {
    const manifest = parseManifest(exampleMixtureManifest());
    expect(manifest.points).toEqual({ dims: 2 });
    expect(manifest.mixture?.components).toBe(3);
    expect(manifest.graphs.density?.outputs[0]?.role).toBe('logDensity');
  });

  it.each<[string, (manifest: Mutable) => void, string]>([
    ['both image and points', (m) => (m.image = { width: 8, height: 8, channels: 1 }), 'manifest.image: a generative model has exactly one of "image"'],
    ['neither image nor points', (m) => delete m.points, 'manifest.image: a generative model has exactly one of "image"'],
    ['a point output of the wrong size', (m) => (m.graphs.generator.outputs[0].shape = ['batch', 3]), 'manifest.graphs.generator.outputs[0].shape: must be ["batch", 2]'],
    ['a component input without a mixture', (m) => delete m.mixture, 'manifest.mixture: required when the generator has a "component" input'],
    ['a mixture without a component input', (m) => m.graphs.generator.inputs.pop(), 'manifest.mixture: needs a generator input with role "component"'],
    ['a component input of the wrong size', (m) => (m.mixture = { components: 4 }), 'manifest.graphs.generator.inputs[1].shape: must be ["batch", 4]'],
    ['weights that do not sum to 1', (m) => (m.mixture.weights = [0.5, 0.5, 0.5]), 'manifest.mixture.weights: must sum to 1'],
    ['a weight per component missing', (m) => (m.mixture.weights = [0.5, 0.5]), 'manifest.mixture.weights: must have 3 entries'],
    ['a density graph without a logDensity output', (m) => (m.graphs.density.outputs[0].role = 'features'), 'manifest.graphs.density.outputs: needs an output with role "logDensity"'],
    ['a log-density of the wrong shape', (m) => (m.graphs.density.outputs[0].shape = ['batch', 1]), 'manifest.graphs.density.outputs[0].shape: must be ["batch"]'],
    ['a density graph with no sample input', (m) => (m.graphs.density.inputs[0].role = 'latent'), 'manifest.graphs.density.inputs: needs an input with role "point" or "image"'],
  ])('rejects %s and names the field', (_label, change, field) => {
    expect(() => parseManifest(mutated(change))).toThrow(ManifestError);
    expect(() => parseManifest(mutated(change))).toThrow(field);
  });
});
