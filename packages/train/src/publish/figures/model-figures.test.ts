import type { Manifest } from '@genzoo/core';
import { exampleManifest } from '@genzoo/core/testing';
import { describe, expect, it } from 'vitest';
import { FIGURE_FILES, modelFigures, withFigureFiles } from './model-figures.js';

function withLatent(manifest: Manifest, size: number): Manifest {
  const generator = manifest.graphs.generator!;
  return { ...manifest, latent: { distribution: manifest.latent?.distribution ?? 'normal', size }, graphs: { ...manifest.graphs, generator: { ...generator, inputs: [{ ...generator.inputs[0]!, shape: ['batch', size] }] } } };
}

describe('modelFigures', () => {
  it('gives a model with an encoder a reconstruction figure', () => {
    expect(modelFigures(exampleManifest()).map((figure) => figure.file)).toEqual([FIGURE_FILES.reconstructions]);
  });

  it('gives a 2-D latent a latent-space map, and says where its tiles lie', () => {
    const figures = modelFigures(withLatent(exampleManifest(), 2));
    expect(figures.map((figure) => figure.file)).toEqual([FIGURE_FILES.reconstructions, FIGURE_FILES.latentMap]);
    expect(figures[1]!.caption).toContain('20×20 grid');
    expect(figures[1]!.caption).toContain('from −1.96 to 1.96');
  });

  it('gives a decoder-only model no extra figures', () => {
    const { encoder: _, ...graphs } = exampleManifest().graphs;
    expect(modelFigures({ ...exampleManifest(), graphs })).toEqual([]);
  });

  it('lists figures in the manifest by title, keeping those listed already', () => {
    const manifest = { ...exampleManifest(), files: { ...exampleManifest().files, figures: { 'Per class': 'classes.png' } } };
    const listed = withFigureFiles(manifest, modelFigures(manifest));
    expect(listed.files.figures).toEqual({ 'Per class': 'classes.png', [modelFigures(manifest)[0]!.title]: FIGURE_FILES.reconstructions });
    expect(withFigureFiles(exampleManifest(), [])).toEqual(exampleManifest());
  });
});
