import { describe, expect, it } from 'vitest';
import { edgesToImagePairs, sobelEdges } from './edge-pairs.js';
import type { ImageDataset } from './image-dataset.js';

/** One 6×6 image: a white 2×2 square in the middle of black. */
function square(): ImageDataset {
  const pixels = new Uint8Array(36);
  for (const y of [2, 3]) for (const x of [2, 3]) pixels[y * 6 + x] = 255;
  return { name: 'square', count: 1, height: 6, width: 6, numClasses: 1, pixels, labels: new Uint8Array(1) };
}

describe('edges → image pairs', () => {
  it('marks the pixels around a square edge and leaves flat regions empty (hand-computed Sobel)', () => {
    const edges = sobelEdges(square(), { threshold: 0.5 });
    const rows = Array.from({ length: 6 }, (_, y) => Array.from(edges.pixels.subarray(y * 6, y * 6 + 6), (v) => (v ? 1 : 0)).join(''));
    // By hand (pixels in [0, 1]): ring pixels touching the square have |g| ≥ √2 (corners, e.g. (1, 1): gx = gy = 1)
    // or more; the interior (2, 2) has gx = gy = 3; pixels two away from the square see none of it.
    expect(rows).toEqual(['000000', '011110', '011110', '011110', '011110', '000000']);
    expect(edges.name).toBe('square-edges');
  });

  it('thresholds the gradient magnitude: pixel (1, 1) has |g| = 255·√2 ≈ 1.41 in [0, 1] units', () => {
    const edges = (threshold: number): number => sobelEdges(square(), { threshold }).pixels[1 * 6 + 1]!;
    expect(edges(1.4)).toBe(255);
    expect(edges(1.42)).toBe(0);
  });

  it('pairs edges with the original images, index for index', () => {
    const pairs = edgesToImagePairs(square());
    expect(pairs.target.pixels).toEqual(square().pixels);
    expect(pairs.source.count).toBe(1);
    expect(pairs.name).toBe('square-edges2image');
  });
});
