import { describe, expect, it } from 'vitest';
import { tensor } from '../tensor.js';
import { tileImages } from './grid.js';
import { maxPixelDifference, tensorToRgbaImages, toByte } from './rgba.js';

describe('toByte', () => {
  it('maps the range ends to 0 and 255 and clamps outside', () => {
    expect(toByte(-1, -1, 1)).toBe(0);
    expect(toByte(1, -1, 1)).toBe(255);
    expect(toByte(0, -1, 1)).toBe(128);
    expect(toByte(-3, -1, 1)).toBe(0);
    expect(toByte(7, 0, 1)).toBe(255);
    expect(toByte(Number.NaN, 0, 1)).toBe(0);
  });
});

describe('tensorToRgbaImages', () => {
  it('reads NCHW and NHWC colour images the same way', () => {
    // One 1x2 image: pixel 0 = (1, 0, 0), pixel 1 = (0, 0, 1), in [0, 1].
    const nchw = tensor(Float32Array.from([1, 0, 0, 0, 0, 1]), [1, 3, 1, 2]);
    const nhwc = tensor(Float32Array.from([1, 0, 0, 0, 0, 1]), [1, 1, 2, 3]);
    const [fromNchw] = tensorToRgbaImages(nchw, { layout: 'NCHW', range: [0, 1] });
    const [fromNhwc] = tensorToRgbaImages(nhwc, { layout: 'NHWC', range: [0, 1] });
    expect(Array.from(fromNchw!.data)).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
    expect(Array.from(fromNhwc!.data)).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
  });

  it('spreads grey images over RGB', () => {
    const images = tensorToRgbaImages(tensor(Float32Array.from([-1, 1, 0, 1]), [2, 1, 1, 2]), { layout: 'NCHW', range: [-1, 1] });
    expect(images).toHaveLength(2);
    expect(Array.from(images[0]!.data)).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
    expect(images[1]!.width).toBe(2);
  });

  it('rejects tensors that are not images', () => {
    expect(() => tensorToRgbaImages(tensor(new Float32Array(4), [2, 2]), { layout: 'NCHW', range: [0, 1] })).toThrow(
      'images must be a 4-D tensor, got shape [2, 2]',
    );
    expect(() => tensorToRgbaImages(tensor(new Float32Array(8), [1, 2, 2, 2]), { layout: 'NCHW', range: [0, 1] })).toThrow(
      /1 or 3 channels/,
    );
  });
});

describe('tileImages and maxPixelDifference', () => {
  const white = { width: 2, height: 2, data: new Uint8ClampedArray(16).fill(255) };

  it('tiles with padding into the expected size and places tiles row by row', () => {
    const grid = tileImages([white, white, white], { columns: 2, padding: 1, background: [0, 0, 0, 255] });
    expect([grid.width, grid.height]).toEqual([7, 7]);
    const at = (x: number, y: number): number => grid.data[(y * grid.width + x) * 4]!;
    expect(at(0, 0)).toBe(0);
    expect(at(1, 1)).toBe(255);
    expect(at(4, 1)).toBe(255);
    expect(at(4, 4)).toBe(0); // the fourth cell is empty
  });

  it('measures the largest channel difference', () => {
    const grey = { ...white, data: new Uint8ClampedArray(16).fill(250) };
    expect(maxPixelDifference(white, grey)).toBe(5);
    expect(() => maxPixelDifference(white, { width: 1, height: 1, data: new Uint8ClampedArray(4) })).toThrow(/cannot compare/);
  });

  it('rejects mixed sizes and empty lists', () => {
    expect(() => tileImages([])).toThrow('cannot tile an empty list of images');
    expect(() => tileImages([white, { width: 1, height: 1, data: new Uint8ClampedArray(4) }])).toThrow(/grid tiles must share one size/);
  });
});

describe('fillRgba', () => {
  it('fills every pixel, whatever the pixel count', async () => {
    const { fillRgba } = await import('./grid.js');
    for (const pixels of [0, 1, 2, 3, 5, 8, 1000]) {
      const data = new Uint8ClampedArray(pixels * 4);
      fillRgba(data, [1, 2, 3, 4]);
      expect(Array.from(data)).toEqual(Array.from({ length: pixels * 4 }, (_, index) => (index % 4) + 1));
    }
  });
});
