import { EDGE_THRESHOLD, GenzooError, seededPermutation, sobelEdgeMap, Xoshiro128 } from '@genzoo/core';

/**
 * The source images of genzoo's image-to-image tasks, built from dataset bytes exactly as
 * `@genzoo/train` builds them for training: evaluation must feed a translator what it was trained on.
 * Pure byte arithmetic (no TensorFlow.js), so `@genzoo/train` can import these instead of its own copies.
 */

/** Grayscale images as bytes (0 = black … 255 = white), row-major, `count · height · width` of them. */
export interface ImageBytes {
  count: number;
  height: number;
  width: number;
  /** 1 when absent; only grayscale images have edges, masks and dilations here. */
  channels?: number;
  pixels: Uint8Array;
  /** A dataset's name; builders append what they did (`mnist` → `mnist-edges`). */
  name?: string;
}

export { EDGE_THRESHOLD };
/** Side of the inpainting mask, in pixels. */
export const MASK_SIZE = 8;
/** Largest shift of the mask's centre from the image centre, in pixels, each axis. */
export const MASK_JITTER = 4;
/** Window of the thickening max filter (grey-scale dilation), in pixels. */
export const THICKEN_WINDOW = 3;
/** Seed of the permutation that splits images into CycleGAN's two disjoint halves. */
export const DOMAIN_SPLIT_SEED = 20261121;

/** `what` needs one channel (the wording of @genzoo/train's errors, e.g. "edge maps need"). */
function grayscale(images: ImageBytes, what: string): void {
  if ((images.channels ?? 1) !== 1) throw new GenzooError(`${what} grayscale images, ${images.name ?? 'the set'} has ${images.channels} channels`, 'E_DATASET');
}

function renamed<T extends ImageBytes>(images: T, suffix: string, pixels: Uint8Array): T {
  return { ...images, ...(images.name === undefined ? {} : { name: `${images.name}-${suffix}` }), pixels };
}

/** The images at `indices` as a set of their own (bytes copied); labels too when the set has them. */
export function subsetImages<T extends ImageBytes & { labels?: Uint8Array }>(images: T, indices: ArrayLike<number>): T {
  const size = images.height * images.width * (images.channels ?? 1);
  const pixels = new Uint8Array(indices.length * size);
  for (let i = 0; i < indices.length; i++) pixels.set(images.pixels.subarray(indices[i]! * size, (indices[i]! + 1) * size), i * size);
  const labels = images.labels && Uint8Array.from({ length: indices.length }, (_, i) => images.labels![indices[i]!]!);
  return { ...images, count: indices.length, pixels, ...(labels ? { labels } : {}) };
}

/**
 * Binary edge maps: the Sobel gradient magnitude of each image (pixels scaled to [0, 1], borders
 * replicated), 255 where it exceeds `threshold` and 0 elsewhere.
 */
export function sobelEdges<T extends ImageBytes>(images: T, { threshold = EDGE_THRESHOLD }: { threshold?: number } = {}): T {
  grayscale(images, 'edge maps need');
  const { height: h, width: w, count } = images;
  const out = new Uint8Array(count * h * w);
  for (let n = 0; n < count; n++) out.set(sobelEdgeMap(images.pixels.subarray(n * h * w, (n + 1) * h * w), w, h, threshold), n * h * w);
  return renamed(images, 'edges', out);
}

/** Top-left corner of the mask of the image with dataset index `index` under `seed`: a pure function of the two. */
export function maskCorner(index: number, seed: number, height: number, width: number, size = MASK_SIZE, jitter = MASK_JITTER): { top: number; left: number } {
  const rng = new Xoshiro128((Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(seed + 1, 0x85ebca77)) >>> 0);
  const centre = (extent: number): number => Math.floor((extent - size) / 2);
  const shift = (): number => rng.nextInt(2 * jitter + 1) - jitter;
  const clamp = (value: number, extent: number): number => Math.min(extent - size, Math.max(0, value));
  const top = clamp(centre(height) + shift(), height);
  const left = clamp(centre(width) + shift(), width);
  return { top, left };
}

/**
 * Inpainting sources: each image with a `size`×`size` square set to the background (0), placed by
 * {@link maskCorner} from the image's dataset index (`ids[i]` for image i) and `seed`.
 */
export function maskSquares<T extends ImageBytes>(images: T, ids: ArrayLike<number>, seed: number, size = MASK_SIZE, jitter = MASK_JITTER): T {
  grayscale(images, 'masks need');
  if (ids.length !== images.count) throw new GenzooError(`need one id per image: ${ids.length} ids for ${images.count} images`, 'E_DATASET');
  const { height: h, width: w } = images;
  const pixels = images.pixels.slice(0, images.count * h * w);
  for (let n = 0; n < images.count; n++) {
    const { top, left } = maskCorner(ids[n]!, seed, h, w, size, jitter);
    for (let y = top; y < top + size; y++) pixels.fill(0, n * h * w + y * w + left, n * h * w + y * w + left + size);
  }
  return renamed(images, 'masked', pixels);
}

/**
 * Grey-scale dilation: every pixel becomes the maximum of the `window`×`window` square around it
 * (borders see only the pixels inside the image). Thickens white strokes on black by (window − 1) / 2 pixels each side.
 */
export function thicken<T extends ImageBytes>(images: T, window = THICKEN_WINDOW): T {
  grayscale(images, 'thickening needs');
  if (!Number.isInteger(window) || window < 1 || window % 2 === 0) throw new GenzooError(`dilation window must be an odd integer ≥ 1, got ${window}`, 'E_DATASET');
  const { height: h, width: w, count } = images;
  const reach = (window - 1) / 2;
  const source = images.pixels;
  const out = new Uint8Array(count * h * w);
  for (let n = 0; n < count; n++) {
    const base = n * h * w;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let max = 0;
        for (let dy = Math.max(0, y - reach); dy <= Math.min(h - 1, y + reach); dy++) {
          for (let dx = Math.max(0, x - reach); dx <= Math.min(w - 1, x + reach); dx++) max = Math.max(max, source[base + dy * w + dx]!);
        }
        out[base + y * w + x] = max;
      }
    }
  }
  return renamed(images, 'thick', out);
}

/** Splits `indices` into two disjoint halves by a seeded permutation (the odd one out goes to the second). */
export function disjointHalves(indices: Uint32Array, seed = DOMAIN_SPLIT_SEED): [Uint32Array, Uint32Array] {
  const order = seededPermutation(indices.length, seed);
  const shuffled = Uint32Array.from(order, (p) => indices[p]!);
  const half = Math.floor(indices.length / 2);
  return [shuffled.slice(0, half), shuffled.slice(half)];
}

/** The entries of `indices` whose label is one of `classes`, in order. */
export function withClasses(dataset: { labels: Uint8Array }, indices: Uint32Array, classes: readonly number[]): Uint32Array {
  return indices.filter((index) => classes.includes(dataset.labels[index]!));
}
