import { describe, expect, it } from 'vitest';
import type { AnyManifest, Evaluation } from '@genzoo/core';
import { exampleClassifierManifest, exampleManifest } from '@genzoo/core/testing';
import { buildLeaderboard } from './build-leaderboard.js';
import { renderLeaderboardMarkdown } from './render-markdown.js';

const protocol = (figures: string[]): Evaluation => ({
  tool: '@genzoo/metrics 0.1.0',
  n: 10000,
  seed: 0,
  extractor: { id: 'tiny-classifier', file: 'classifier.onnx', sha256: 'b'.repeat(64) },
  reference: { dataset: 'mnist', split: 'train', size: 8000 },
  settings: { heldOutSamples: 2000 },
  figures,
  seconds: 10,
  evaluatedAt: '2026-11-21T00:00:00.000Z',
});

function generative(id: string, kid: number | undefined): AnyManifest {
  const manifest = { ...exampleManifest(), id, name: id.toUpperCase() };
  if (kid === undefined) return manifest;
  return { ...manifest, metrics: { ...manifest.metrics, fid: kid * 1000, kid, kidStd: kid / 10 }, evaluation: protocol(['fid', 'kid', 'kidStd']) };
}

const classifier: AnyManifest = {
  ...exampleClassifierManifest(),
  metrics: { heldOutAccuracy: 0.99, 'heldOut.kid': 0.0001, 'heldOut.fid': 0.5, 'noise.kid': 5, 'noise.fid': 300 },
  evaluation: protocol(['heldOut.kid', 'heldOut.fid', 'noise.kid', 'noise.fid']),
};

describe('leaderboard', () => {
  const board = buildLeaderboard([generative('b-gan', 0.02), generative('unseen', undefined), classifier, generative('a-vae', 0.05)]);

  it('ranks evaluated models by KID, then unevaluated ones, then the reference rows', () => {
    expect(board.datasets).toHaveLength(1);
    expect(board.datasets[0]!.rows.map((row) => row.id)).toEqual(['b-gan', 'a-vae', 'unseen', 'tiny-classifier:heldOut', 'tiny-classifier:noise']);
    expect(board.datasets[0]!.rows[3]).toMatchObject({ kind: 'reference', n: 2000, metrics: { kid: 0.0001, fid: 0.5 } });
    expect(board.datasets[0]!.rows[0]).toMatchObject({ n: 10000, thumbnail: 'b-gan/samples.png', card: 'b-gan/README.md', extractor: { id: 'tiny-classifier' } });
  });

  it('lists classifiers with their accuracy', () => {
    expect(board.classifiers).toEqual([expect.objectContaining({ id: 'tiny-classifier', heldOutAccuracy: 0.99, thumbnail: 'tiny-classifier/samples.png' })]);
  });

  it('renders a table per dataset with thumbnails linking to cards', () => {
    const markdown = renderLeaderboardMarkdown(board);
    expect(markdown).toContain('## mnist');
    expect(markdown).toContain('[<img src="b-gan/samples.png" width="96" alt="samples of b-gan">](b-gan/README.md)');
    expect(markdown).toContain('| 0.02 ± 0.002 |'); // KID with its std
    expect(markdown).toContain('not evaluated yet');
    expect(markdown).toContain('*held-out real images (floor)*');
    expect(markdown).toContain('99.00 %');
  });

  it('is deterministic: the same manifests give the same files', () => {
    const again = buildLeaderboard([generative('a-vae', 0.05), classifier, generative('unseen', undefined), generative('b-gan', 0.02)]);
    expect(JSON.stringify(again)).toBe(JSON.stringify(board));
  });

  it('puts models of 2-D points in their own section, best held-out log-density first, with the true density as ceiling', () => {
    const pointProtocol = (logDensity: number): Evaluation => ({
      ...protocol(['heldOutLogDensity', 'modesCaptured', 'highQuality', 'reverseKl']),
      n: 2500,
      reference: { dataset: 'ring', split: 'held-out', size: 2000 },
      settings: { heldOutSamples: 2000, trueHeldOutLogDensity: 2.9, modeStd: 0.02 },
      extractor: { id: `m${logDensity}`, file: 'density.onnx', sha256: 'c'.repeat(64) },
    });
    const points = (id: string, logDensity: number): AnyManifest => {
      const base = exampleManifest();
      const { image: _image, ...rest } = base;
      return {
        ...rest,
        id,
        name: id,
        dataset: { ...base.dataset, name: 'ring' },
        points: { dims: 2 },
        metrics: { heldOutLogDensity: logDensity, modesCaptured: 8, highQuality: 0.95, reverseKl: 0.001 },
        evaluation: pointProtocol(logDensity),
      } as AnyManifest;
    };
    const withDensity: AnyManifest = { ...generative('d-gmm', 0.03), metrics: { ...generative('d-gmm', 0.03).metrics, heldOutLogDensity: -40.5 } } as AnyManifest;
    const mixed = buildLeaderboard([points('kde-ring', 2.8), points('gmm-ring', 2.88), generative('b-gan', 0.02), withDensity]);
    expect(mixed.datasets.map((d) => d.dataset)).toEqual(['mnist']);
    expect(mixed.pointDatasets).toHaveLength(1);
    expect(mixed.pointDatasets[0]!.rows.map((row) => row.id)).toEqual(['gmm-ring', 'kde-ring', 'ring:true-density']);
    expect(mixed.pointDatasets[0]!.rows[2]).toMatchObject({ kind: 'reference', n: 2000, metrics: { heldOutLogDensity: 2.9 } });
    const markdown = renderLeaderboardMarkdown(mixed);
    expect(markdown).toContain('## 2-D point sets');
    expect(markdown).toContain('### ring');
    expect(markdown).toContain('| 2.88 | 8 | 0.95 | 0.001 |');
    expect(markdown).toContain('log-density ↑ |');
    expect(markdown).toContain('| -40.5 |');
    expect(renderLeaderboardMarkdown(board)).not.toContain('log-density');
  });
});

