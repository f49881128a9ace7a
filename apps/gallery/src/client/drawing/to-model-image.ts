import { luminance, tensor, type ImageLayout, type TensorData } from '@genzoo/web';

export interface InkImage {
  /** Ink per pixel, 0 (none) to 1, row-major. */
  ink: Float32Array;
  width: number;
  height: number;
}

/** Ink of an RGBA drawing: white strokes on a dark pad, so brightness is ink. */
export function inkOf(rgba: { data: ArrayLike<number>; width: number; height: number }): InkImage {
  const ink = new Float32Array(rgba.width * rgba.height);
  for (let index = 0; index < ink.length; index++) {
    ink[index] = luminance(rgba.data[4 * index]!, rgba.data[4 * index + 1]!, rgba.data[4 * index + 2]!) / 255;
  }
  return { ink, width: rgba.width, height: rgba.height };
}

/**
 * Resamples a drawing the way MNIST digits were made: the ink's bounding box scaled to fit `fill` of the
 * target (20 of 28 pixels), centred on its centre of mass, each target pixel the mean of the source
 * pixels it covers. An empty drawing gives an empty image.
 */
export function centreInk({ ink, width, height }: InkImage, target: { width: number; height: number }, fill = 20 / 28): InkImage {
  const out = new Float32Array(target.width * target.height);
  let [x0, x1, y0, y1, mass, mx, my] = [Infinity, -Infinity, Infinity, -Infinity, 0, 0, 0];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const value = ink[y * width + x]!;
      if (value <= 0.05) continue;
      [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
      mass += value;
      mx += value * (x + 0.5);
      my += value * (y + 0.5);
    }
  }
  if (mass === 0) return { ink: out, width: target.width, height: target.height };
  const side = Math.max(x1 - x0 + 1, y1 - y0 + 1);
  /** Source pixels per target pixel. */
  const step = side / (fill * Math.min(target.width, target.height));
  const [cx, cy] = [mx / mass, my / mass];
  for (let ty = 0; ty < target.height; ty++) {
    for (let tx = 0; tx < target.width; tx++) {
      const left = cx + (tx - target.width / 2) * step;
      const top = cy + (ty - target.height / 2) * step;
      let [sum, count] = [0, 0];
      for (let sy = Math.floor(top); sy < Math.ceil(top + step); sy++) {
        for (let sx = Math.floor(left); sx < Math.ceil(left + step); sx++) {
          count++;
          if (sx >= 0 && sy >= 0 && sx < width && sy < height) sum += ink[sy * width + sx]!;
        }
      }
      out[ty * target.width + tx] = count > 0 ? Math.min(1, sum / count) : 0;
    }
  }
  return { ink: out, width: target.width, height: target.height };
}

/** Ink as a grey RGBA image (ink white on black), to show or to feed image-taking helpers. */
export function inkToRgba({ ink, width, height }: InkImage): { width: number; height: number; data: Uint8ClampedArray } {
  const data = new Uint8ClampedArray(width * height * 4);
  ink.forEach((value, pixel) => data.set([value * 255, value * 255, value * 255, 255], pixel * 4));
  return { width, height, data };
}

export interface ImageInputFormat {
  layout: ImageLayout;
  range: readonly [number, number];
  channels: number;
}

/** One image `[1, C, H, W]` (or `[1, H, W, C]`) in the encoder's value range, ink in every channel. */
export function toImageTensor({ ink, width, height }: InkImage, { layout, range: [low, high], channels }: ImageInputFormat): TensorData {
  const data = new Float32Array(width * height * channels);
  for (let pixel = 0; pixel < width * height; pixel++) {
    const value = low + ink[pixel]! * (high - low);
    for (let channel = 0; channel < channels; channel++) {
      data[layout === 'NCHW' ? channel * width * height + pixel : pixel * channels + channel] = value;
    }
  }
  return tensor(data, layout === 'NCHW' ? [1, channels, height, width] : [1, height, width, channels]);
}
