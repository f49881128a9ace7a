import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClassifierManifest } from '@genzoo/core';
import { FeatureExtractor, loadReferenceDataset, referenceSplit } from '@genzoo/metrics';
import { REPO_ROOT } from './helpers/test-models.js';

/** The shipped feature extractors and the held-out accuracy each must keep. */
const CLASSIFIERS = [
  { id: 'classifier-mnist', minimum: 0.985 },
  { id: 'classifier-fashion', minimum: 0.9 },
];

describe.each(CLASSIFIERS)('$id', ({ id, minimum }) => {
  const folder = join(REPO_ROOT, 'models', id);

  it('is shipped', () => {
    expect(existsSync(join(folder, 'manifest.json')), `${folder}/manifest.json`).toBe(true);
  });

  it(`scores its recorded held-out accuracy (at least ${minimum * 100} %) from the shipped ONNX file`, async () => {
    const manifest = parseClassifierManifest(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')));
    const dataset = loadReferenceDataset(manifest.dataset.name);
    const { heldOut } = referenceSplit(dataset, manifest.dataset.heldOutSize, manifest.dataset.splitSeed);
    const plane = dataset.width * dataset.height;
    const pixels = new Uint8Array(heldOut.length * plane);
    heldOut.forEach((index, row) => pixels.set(dataset.pixels.subarray(index * plane, (index + 1) * plane), row * plane));
    const extractor = await FeatureExtractor.load(folder, { device: 'cpu' });
    try {
      const { logits } = await extractor.extract(pixels, heldOut.length);
      let correct = 0;
      heldOut.forEach((index, row) => {
        const scores = logits.data.subarray(row * logits.cols, (row + 1) * logits.cols);
        if (scores.indexOf(Math.max(...scores)) === dataset.labels[index]) correct++;
      });
      const accuracy = correct / heldOut.length;
      expect(accuracy).toBeGreaterThanOrEqual(minimum);
      expect(Math.abs(accuracy - manifest.metrics.heldOutAccuracy!)).toBeLessThanOrEqual(1 / heldOut.length);
    } finally {
      await extractor.dispose();
    }
  }, 120_000);
});
