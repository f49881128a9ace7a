import { tensor } from '@genzoo/core';
import { loadModel } from '@genzoo/node';
import { describe, expect, it } from 'vitest';
import type { ReferenceDataset } from '../data/reference-dataset.js';
import { heldOutLogDensity } from './density-figures.js';

describe('held-out log-density of an image model', () => {
  it('feeds held-out bytes as [0, 1] NCHW images to the density graph and averages', async () => {
    const generator = await loadModel(new URL('../../../../models/kde-mnist-pca', import.meta.url).pathname, { device: 'cpu' });
    try {
      const plane = 28 * 28;
      const pixels = Uint8Array.from({ length: 3 * plane }, (_, i) => ((i * 37) % 251) * (i % 3 === 0 ? 1 : 0));
      const dataset: ReferenceDataset = { name: 'mnist', count: 3, height: 28, width: 28, pixels, labels: new Uint8Array(3) };
      const figure = await heldOutLogDensity(generator, dataset, Uint32Array.from([2, 0]));
      const images = new Float32Array(2 * plane);
      [2, 0].forEach((index, row) => images.set(Array.from(pixels.subarray(index * plane, (index + 1) * plane), (v) => v / 255), row * plane));
      const { logDensity } = await generator.logDensity(tensor(images, [2, 1, 28, 28]));
      expect(figure).toBeCloseTo((logDensity.data[0]! + logDensity.data[1]!) / 2, 4);
      expect(Number.isFinite(figure)).toBe(true);
    } finally {
      await generator.dispose();
    }
  });
});
