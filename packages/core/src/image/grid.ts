import { InputError } from '../errors.js';
import type { RgbaImage } from './rgba.js';

export interface GridOptions {
  /** Images per row; defaults to the smallest square that holds them all. */
  columns?: number;
  /** Pixels between and around tiles. */
  padding?: number;
  /** Padding colour as RGBA bytes. */
  background?: readonly [number, number, number, number];
}

/** Fills RGBA pixels with one colour: the first pixel, then doubling copies (far faster than a per-pixel loop). */
export function fillRgba(data: Uint8ClampedArray, [r, g, b, a]: readonly [number, number, number, number]): void {
  if (data.length === 0) return;
  data[0] = r;
  data[1] = g;
  data[2] = b;
  data[3] = a;
  for (let filled = 4; filled < data.length; filled *= 2) data.copyWithin(filled, 0, Math.min(filled, data.length - filled));
}

/** Tiles same-sized images into one grid image, row by row. */
export function tileImages(images: readonly RgbaImage[], options: GridOptions = {}): RgbaImage {
  const first = images[0];
  if (!first) throw new InputError('cannot tile an empty list of images');
  const columns = options.columns ?? Math.ceil(Math.sqrt(images.length));
  if (!Number.isInteger(columns) || columns <= 0) throw new InputError(`columns must be a positive integer, got ${columns}`);
  const padding = options.padding ?? 2;
  const background = options.background ?? [16, 16, 16, 255];
  const rows = Math.ceil(images.length / columns);
  const width = columns * first.width + (columns + 1) * padding;
  const height = rows * first.height + (rows + 1) * padding;
  const data = new Uint8ClampedArray(width * height * 4);
  fillRgba(data, background);
  images.forEach((image, index) => {
    if (image.width !== first.width || image.height !== first.height) {
      throw new InputError(`grid tiles must share one size: tile ${index} is ${image.width}x${image.height}, tile 0 is ${first.width}x${first.height}`);
    }
    const left = padding + (index % columns) * (first.width + padding);
    const top = padding + Math.floor(index / columns) * (first.height + padding);
    for (let row = 0; row < image.height; row++) {
      const source = row * image.width * 4;
      data.set(image.data.subarray(source, source + image.width * 4), ((top + row) * width + left) * 4);
    }
  });
  return { width, height, data };
}
