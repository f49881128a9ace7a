import { InputError } from '@genzoo/core';

/** The window of {@link ssim}: Wang et al. (2004), an 11×11 Gaussian with σ = 1.5. */
export const SSIM_WINDOW = { size: 11, sigma: 1.5, k1: 0.01, k2: 0.03 } as const;

/** Options of {@link ssim}. */
export interface SsimOptions {
  /** Side of the Gaussian window, odd (default 11). */
  size?: number;
  /** Its standard deviation in pixels (default 1.5). */
  sigma?: number;
}

/** Normalized 1-D Gaussian taps; the 2-D window is their outer product. */
export function gaussianTaps(size: number, sigma: number): Float64Array {
  if (!Number.isInteger(size) || size < 1 || size % 2 === 0) throw new InputError(`SSIM window must be an odd positive integer, got ${size}`);
  const centre = (size - 1) / 2;
  const taps = Float64Array.from({ length: size }, (_, i) => Math.exp(-((i - centre) ** 2) / (2 * sigma * sigma)));
  const total = taps.reduce((sum, tap) => sum + tap, 0);
  return taps.map((tap) => tap / total);
}

/** The 'valid' separable filtering of one `height`×`width` plane: `(height − k + 1)`×`(width − k + 1)` values. */
function filterValid(plane: Float64Array, height: number, width: number, taps: Float64Array): Float64Array {
  const k = taps.length;
  const outWidth = width - k + 1;
  const outHeight = height - k + 1;
  const rows = new Float64Array(height * outWidth);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < outWidth; x++) {
      let sum = 0;
      for (let t = 0; t < k; t++) sum += taps[t]! * plane[y * width + x + t]!;
      rows[y * outWidth + x] = sum;
    }
  }
  const out = new Float64Array(outHeight * outWidth);
  for (let y = 0; y < outHeight; y++) {
    for (let x = 0; x < outWidth; x++) {
      let sum = 0;
      for (let t = 0; t < k; t++) sum += taps[t]! * rows[(y + t) * outWidth + x]!;
      out[y * outWidth + x] = sum;
    }
  }
  return out;
}

/**
 * Structural similarity of two grayscale images with values in [0, 1] (data range 1), as Wang et al.
 * (2004) define it: local means, variances and covariance under an 11×11 Gaussian window (σ 1.5,
 * weighted population statistics), C1 = (0.01)², C2 = (0.03)², averaged over every position where the
 * window fits inside the image. Equals scikit-image's `structural_similarity(x, y, data_range=1,
 * gaussian_weights=True, sigma=1.5, use_sample_covariance=False)`. 1 for identical images.
 */
export function ssim(x: ArrayLike<number>, y: ArrayLike<number>, width: number, height: number, options: SsimOptions = {}): number {
  const taps = gaussianTaps(options.size ?? SSIM_WINDOW.size, options.sigma ?? SSIM_WINDOW.sigma);
  const plane = width * height;
  if (x.length !== plane || y.length !== plane) throw new InputError(`SSIM needs two ${width}×${height} images, got ${x.length} and ${y.length} values`);
  if (width < taps.length || height < taps.length) throw new InputError(`SSIM's ${taps.length}×${taps.length} window does not fit a ${width}×${height} image`);
  const c1 = SSIM_WINDOW.k1 ** 2;
  const c2 = SSIM_WINDOW.k2 ** 2;
  const xs = Float64Array.from(x);
  const ys = Float64Array.from(y);
  const [mx, my, xx, yy, xy] = [xs, ys, xs.map((v) => v * v), ys.map((v) => v * v), xs.map((v, i) => v * ys[i]!)].map((p) => filterValid(p, height, width, taps)) as [
    Float64Array, Float64Array, Float64Array, Float64Array, Float64Array,
  ];
  let total = 0;
  for (let i = 0; i < mx.length; i++) {
    const [ux, uy] = [mx[i]!, my[i]!];
    const vx = xx[i]! - ux * ux;
    const vy = yy[i]! - uy * uy;
    const cov = xy[i]! - ux * uy;
    total += ((2 * ux * uy + c1) * (2 * cov + c2)) / ((ux * ux + uy * uy + c1) * (vx + vy + c2));
  }
  return total / mx.length;
}

/** Pixel-wise agreement of translated images with their targets. */
export interface ImageSimilarity {
  /** Mean |x − y| over all pixels, values in [0, 1]. */
  l1: number;
  /** Mean (x − y)² over all pixels. */
  mse: number;
  /** 10·log10(1 / mse) in dB from the mean squared error over all images (capped at 100 dB for identical sets). */
  psnr: number;
  /** Mean over images of {@link ssim}. */
  ssim: number;
}

/** Largest PSNR reported: identical sets would otherwise be infinite, which JSON cannot hold. */
export const MAX_PSNR = 100;

/**
 * L1, MSE, PSNR and SSIM of `count` grayscale images against as many targets, both as bytes
 * (0 … 255, read as v / 255 so figures are on [0, 1] pixels), image for image.
 */
export function imageSimilarity(images: Uint8Array, targets: Uint8Array, count: number, width: number, height: number, options: SsimOptions = {}): ImageSimilarity {
  const plane = width * height;
  if (count < 1 || images.length !== count * plane || targets.length !== count * plane) {
    throw new InputError(`need ${count} images of ${width}×${height} on each side, got ${images.length} and ${targets.length} bytes`);
  }
  let absolute = 0;
  let squared = 0;
  let structural = 0;
  const x = new Float64Array(plane);
  const y = new Float64Array(plane);
  for (let n = 0; n < count; n++) {
    for (let i = 0; i < plane; i++) {
      x[i] = images[n * plane + i]! / 255;
      y[i] = targets[n * plane + i]! / 255;
      const difference = x[i]! - y[i]!;
      absolute += Math.abs(difference);
      squared += difference * difference;
    }
    structural += ssim(x, y, width, height, options);
  }
  const mse = squared / (count * plane);
  return { l1: absolute / (count * plane), mse, psnr: mse > 0 ? Math.min(MAX_PSNR, 10 * Math.log10(1 / mse)) : MAX_PSNR, ssim: structural / count };
}
