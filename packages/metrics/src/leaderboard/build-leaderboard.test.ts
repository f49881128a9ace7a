import { describe, expect, it } from 'vitest';
import type { AnyManifest, Evaluation } from '@genzoo/core';
import { exampleClassifierManifest, exampleManifest, exampleTranslatorManifest } from '@genzoo/core/testing';
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
  it('puts translators in their own tables, pix2pix by SSIM and CycleGAN by FID a → b, each within its dataset', () => {
    const translator = (id: string, twoWay: boolean, dataset: string, metrics: Record<string, number> | undefined): AnyManifest => {
      const base = exampleTranslatorManifest();
      if (!twoWay) delete base.graphs.b2a;
      const evaluation = metrics && { ...protocol(Object.keys(metrics)), reference: { dataset, split: 'held-out' as const, size: 2000 }, n: 2000 };
      return { ...base, id, name: id, family: twoWay ? 'cyclegan' : 'pix2pix', dataset: { ...base.dataset, name: dataset }, metrics: metrics ?? {}, ...(evaluation ? { evaluation } : {}) };
    };
    const paired = (ssim: number) => ({ l1A2b: 0.1, ssimA2b: ssim, psnrA2b: 15, fidA2b: 20, kidA2b: 0.5, kidStdA2b: 0.05, classAccuracyA2b: 0.9 });
    const cycle = (fid: number) => ({ classAccuracyA2b: 0.8, classAccuracyB2a: 0.7, fidA2b: fid, fidB2a: 30, kidA2b: 1, kidStdA2b: 0.1, kidB2a: 2, kidStdB2a: 0.2, cycleL1A: 0.05, cycleL1B: 0.06 });
    const zoo = buildLeaderboard([
      translator('p-edges-fashion', false, 'fashion-mnist', paired(0.5)),
      translator('p-edges-mnist', false, 'mnist', paired(0.7)),
      translator('p-inpaint-mnist', false, 'mnist', paired(0.8)),
      translator('p-new', false, 'mnist', undefined),
      translator('c-shoes', true, 'fashion-mnist', cycle(40)),
      translator('c-thick', true, 'mnist', { ...cycle(10), l1A2b: 0.05, ssimA2b: 0.9, ssimB2a: 0.85, 'untranslated.ssimA2b': 0.35, 'untranslated.fidA2b': 70 }),
      generative('b-gan', 0.02),
    ]);
    expect(zoo.datasets.map((d) => d.rows.map((row) => row.id))).toEqual([['b-gan']]);
    expect(zoo.translationTables.map((table) => [table.dataset, table.rows.map((row) => row.id)])).toEqual([
      ['paired-translation', ['p-edges-fashion', 'p-inpaint-mnist', 'p-edges-mnist', 'p-new']],
      ['cycle-translation', ['c-shoes', 'c-thick']],
    ]);
    const thick = zoo.translationTables[1]!.rows[1]!;
    expect(thick).toMatchObject({ kind: 'model', family: 'cyclegan', dataset: 'mnist', n: 2000, translation: { a: 'light', b: 'dark', twoWay: true } });
    expect(thick.metrics).toMatchObject({ fidA2b: 10, ssimB2a: 0.85, cycleL1B: 0.06 });
    expect(thick.metrics['untranslated.fidA2b']).toBeUndefined();
    expect(thick.baseline).toEqual({ fidA2b: 70, ssimA2b: 0.35 });
    expect(zoo.translationTables[0]!.rows[3]!.metrics).toEqual({});

    const markdown = renderLeaderboardMarkdown(zoo);
    expect(markdown).toContain('## Image-to-image translation');
    expect(markdown).toContain('### Paired image-to-image translation (pix2pix)');
    expect(markdown).toContain('| L1 ↓ | SSIM ↑ | PSNR ↑ (dB) | FID ↓ | KID ↓ | class accuracy ↑ | n |');
    expect(markdown).toContain('<br>mnist: light → dark |');
    expect(markdown).toContain('| 0.1 | 0.8 | 15 | 20 | 0.5 ± 0.05 | 0.9 | 2000 |');
    expect(markdown).toContain('### Unpaired two-way translation (CycleGAN)');
    expect(markdown).toContain('<br>fashion-mnist: light ↔ dark |');
    expect(markdown).toContain('| SSIM a→b ↑ | SSIM b→a ↑ | n |'); // pixel columns: one model has counterparts
    expect(markdown).toContain('| 10<br><sub>70</sub> |'); // FID a→b, above the untranslated sources' FID
    expect(markdown).toContain('| 0.8 | 0.7 | 40 | 30 | 1 ± 0.1 | 2 ± 0.2 | 0.05 | 0.06 | — | — | 2000 |');
    expect(board.translationTables).toEqual([]);
    expect(renderLeaderboardMarkdown(board)).not.toContain('translation');
  });
});

