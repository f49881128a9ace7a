import type { ImageDataset } from './image-dataset.js';

/** Options of {@link sobelEdges}. */
export interface EdgeOptions {
  /** Gradient magnitude (pixel values in [0, 1]) above which a pixel is an edge (default 0.5). */
  threshold?: number;
}

/** An image-to-image set: `source[i]` should be translated into `target[i]`. */
export interface PairedDataset {
  name: string;
  source: ImageDataset;
  target: ImageDataset;
}

/**
 * Binary edge maps: the Sobel gradient magnitude of each image (pixels scaled to [0, 1], borders
 * replicated), thresholded to 0 or 255. Single-channel images only.
 */
export function sobelEdges(dataset: ImageDataset, options: EdgeOptions = {}): ImageDataset {
  if ((dataset.channels ?? 1) !== 1) throw new Error(`edge maps need grayscale images, ${dataset.name} has ${dataset.channels} channels`);
  const threshold = options.threshold ?? 0.5;
  const { height: h, width: w, count } = dataset;
  const out = new Uint8Array(dataset.pixels.length);
  const squared = threshold * threshold * 255 * 255;
  for (let n = 0; n < count; n++) {
    const base = n * h * w;
    const at = (y: number, x: number): number => dataset.pixels[base + Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))]!;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const gx = at(y - 1, x + 1) + 2 * at(y, x + 1) + at(y + 1, x + 1) - at(y - 1, x - 1) - 2 * at(y, x - 1) - at(y + 1, x - 1);
        const gy = at(y + 1, x - 1) + 2 * at(y + 1, x) + at(y + 1, x + 1) - at(y - 1, x - 1) - 2 * at(y - 1, x) - at(y - 1, x + 1);
        out[base + y * w + x] = gx * gx + gy * gy > squared ? 255 : 0;
      }
    }
  }
  return { ...dataset, name: `${dataset.name}-edges`, pixels: out };
}

/** edges → image pairs derived from an image set (e.g. MNIST or Fashion-MNIST), index for index. */
export function edgesToImagePairs(dataset: ImageDataset, options: EdgeOptions = {}): PairedDataset {
  return { name: `${dataset.name}-edges2image`, source: sobelEdges(dataset, options), target: dataset };
}
