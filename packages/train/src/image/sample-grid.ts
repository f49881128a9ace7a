import type * as tf from '@tensorflow/tfjs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sharp from 'sharp';

/**
 * Tiles images [n, h, w, 1] with values in [0, 1] into one grayscale PNG,
 * `columns` wide with a 2-pixel dark border, scaled up by `scale`.
 */
export async function writeSampleGrid(images: tf.Tensor4D, path: string, columns = 8, scale = 2): Promise<void> {
  const [n, h, w, channels] = images.shape;
  if (channels !== 1) throw new Error(`sample grid expects 1 channel, got ${channels}`);
  const values = await images.data();
  const rows = Math.ceil(n / columns);
  const gap = 2;
  const width = columns * (w + gap) + gap;
  const height = rows * (h + gap) + gap;
  const pixels = new Uint8Array(width * height).fill(40);
  for (let k = 0; k < n; k++) {
    const top = gap + Math.floor(k / columns) * (h + gap);
    const left = gap + (k % columns) * (w + gap);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const v = values[(k * h + y) * w + x]!;
        pixels[(top + y) * width + left + x] = Math.round(Math.min(1, Math.max(0, v)) * 255);
      }
    }
  }
  mkdirSync(dirname(path), { recursive: true });
  await sharp(pixels, { raw: { width, height, channels: 1 } })
    .resize(width * scale, height * scale, { kernel: 'nearest' })
    .png()
    .toFile(path);
}
