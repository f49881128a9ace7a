import { InputError } from '../errors.js';
import type { ImageLayout } from '../manifest/schema.js';
import type { TensorData } from '../tensor.js';

/** An 8-bit RGBA image, row-major; the same memory layout as the DOM's ImageData. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

export interface PixelFormat {
  layout: ImageLayout;
  /** Value range of the floats, e.g. [-1, 1] for tanh outputs, [0, 1] for sigmoid outputs. */
  range: readonly [number, number];
}

/** Maps a float in `range` to 0..255 with clamping and round-half-up; the one quantizer every runtime shares. */
export function toByte(value: number, low: number, high: number): number {
  const unit = (value - low) / (high - low);
  if (!(unit > 0)) return 0;
  if (unit >= 1) return 255;
  return Math.floor(unit * 255 + 0.5);
}

/** Splits a batch of generator outputs (1 or 3 channels, NCHW or NHWC) into RGBA images. */
export function tensorToRgbaImages(batch: TensorData, { layout, range }: PixelFormat): RgbaImage[] {
  if (batch.dims.length !== 4) throw new InputError(`images must be a 4-D tensor, got shape [${batch.dims.join(', ')}]`);
  const [count, d1, d2, d3] = batch.dims as [number, number, number, number];
  const [channels, height, width] = layout === 'NCHW' ? [d1, d2, d3] : [d3, d1, d2];
  if (channels !== 1 && channels !== 3) {
    throw new InputError(`images must have 1 or 3 channels in ${layout} layout, got shape [${batch.dims.join(', ')}]`);
  }
  const [low, high] = range;
  const plane = width * height;
  const images: RgbaImage[] = [];
  for (let image = 0; image < count; image++) {
    const base = image * plane * channels;
    const data = new Uint8ClampedArray(plane * 4);
    for (let pixel = 0; pixel < plane; pixel++) {
      if (channels === 1) {
        // One channel sits at the same place in NCHW and NHWC.
        const grey = toByte(batch.data[base + pixel]!, low, high);
        data[pixel * 4] = grey;
        data[pixel * 4 + 1] = grey;
        data[pixel * 4 + 2] = grey;
      } else {
        for (let channel = 0; channel < 3; channel++) {
          const index = layout === 'NCHW' ? base + channel * plane + pixel : base + pixel * channels + channel;
          data[pixel * 4 + channel] = toByte(batch.data[index]!, low, high);
        }
      }
      data[pixel * 4 + 3] = 255;
    }
    images.push({ width, height, data });
  }
  return images;
}

/** Largest per-channel difference between two same-sized images, in 0..255 levels. */
export function maxPixelDifference(a: RgbaImage, b: RgbaImage): number {
  if (a.width !== b.width || a.height !== b.height) {
    throw new InputError(`cannot compare a ${a.width}x${a.height} image with a ${b.width}x${b.height} image`);
  }
  let max = 0;
  for (let index = 0; index < a.data.length; index++) max = Math.max(max, Math.abs(a.data[index]! - b.data[index]!));
  return max;
}
