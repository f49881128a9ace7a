import { describe, expect, it } from 'vitest';
import type { ImageDataset } from '../../data/image-dataset.js';
import { splitDataset } from '../../data/split.js';
import { heldOutImages } from './held-out-images.js';

/** 20 images of 2×2 pixels; image i has every pixel = i, label i % 10. */
function tinyDataset(): ImageDataset {
  const count = 20;
  const pixels = new Uint8Array(count * 4);
  for (let image = 0; image < count; image++) pixels.fill(image * 10, image * 4, image * 4 + 4);
  return { name: 'tiny', count, height: 2, width: 2, numClasses: 10, pixels, labels: Uint8Array.from({ length: count }, (_, i) => i % 10) };
}

describe('heldOutImages', () => {
  it("takes the first held-out images of the fixed split, in [0, 1] NCHW, with their labels", () => {
    const dataset = tinyDataset();
    const expected = splitDataset(dataset, 5).eval.subarray(0, 3);
    const { images, labels } = heldOutImages(dataset, 5, 3);
    expect(images.dims).toEqual([3, 1, 2, 2]);
    expect(Array.from(images.data.subarray(0, 4))).toEqual(Array(4).fill(Math.fround((expected[0]! * 10) / 255)));
    expect(labels).toEqual(Array.from(expected, (index) => index % 10));
  });

  it('splits RGB bytes into planes', () => {
    const dataset: ImageDataset = { ...tinyDataset(), channels: 3, height: 1, width: 1, pixels: Uint8Array.from({ length: 60 }, (_, i) => i % 3 === 0 ? 255 : 0) };
    const { images } = heldOutImages(dataset, 5, 1);
    expect(images.dims).toEqual([1, 3, 1, 1]);
    expect(Array.from(images.data)).toEqual([1, 0, 0]);
  });

  it('refuses more images than are held out', () => {
    expect(() => heldOutImages(tinyDataset(), 5, 6)).toThrow('asked for 6 held-out images, but tiny holds out 5');
  });
});
