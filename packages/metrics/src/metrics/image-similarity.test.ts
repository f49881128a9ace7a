import { describe, expect, it } from 'vitest';
import { gaussianTaps, imageSimilarity, MAX_PSNR, ssim } from './image-similarity.js';

/** A 20×16 test pattern and a second image made from it (the pair scipy's reference was computed on). */
function pattern(width = 20, height = 16): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(width * height);
  const y = new Float64Array(width * height);
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      x[i * width + j] = ((i * 7 + j * 13) % 29) / 28;
      y[i * width + j] = Math.sqrt(((i * 3 + j * 5) % 17) / 16) * 0.5 + x[i * width + j]! * 0.5;
    }
  }
  return { x, y };
}

/** SSIM straight from its definition: a 2-D weighted window at every valid position (no separable filtering). */
function naiveSsim(x: Float64Array, y: Float64Array, width: number, height: number): number {
  const g = gaussianTaps(11, 1.5);
  let total = 0;
  let positions = 0;
  for (let top = 0; top + 11 <= height; top++) {
    for (let left = 0; left + 11 <= width; left++) {
      let [mx, my, xx, yy, xy] = [0, 0, 0, 0, 0];
      for (let u = 0; u < 11; u++) {
        for (let v = 0; v < 11; v++) {
          const w = g[u]! * g[v]!;
          const [a, b] = [x[(top + u) * width + left + v]!, y[(top + u) * width + left + v]!];
          mx += w * a;
          my += w * b;
          xx += w * a * a;
          yy += w * b * b;
          xy += w * a * b;
        }
      }
      const c1 = 0.0001;
      const c2 = 0.0009;
      total += ((2 * mx * my + c1) * (2 * (xy - mx * my) + c2)) / ((mx * mx + my * my + c1) * (xx - mx * mx + yy - my * my + c2));
      positions += 1;
    }
  }
  return total / positions;
}

describe('SSIM (11×11 Gaussian window, σ 1.5, data range 1)', () => {
  const { x, y } = pattern();

  it('is 1 for identical images', () => {
    expect(ssim(x, x, 20, 16)).toBeCloseTo(1, 12);
  });

  it('matches the closed form for constant images: only the luminance term is left', () => {
    const a = new Float64Array(12 * 12).fill(0.5);
    const b = new Float64Array(12 * 12).fill(0.6);
    expect(ssim(a, b, 12, 12)).toBeCloseTo((2 * 0.5 * 0.6 + 0.0001) / (0.25 + 0.36 + 0.0001), 12);
  });

  it('matches scipy/scikit-image reference values (gaussian_filter σ 1.5, truncate 3.5, borders cropped)', () => {
    // Computed with numpy + scipy.ndimage.gaussian_filter exactly as skimage.metrics.structural_similarity
    // (gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=1) does.
    expect(ssim(x, y, 20, 16)).toBeCloseTo(0.6438808235153389, 12);
    expect(ssim(x, x.map((v) => v + 0.1), 20, 16)).toBeCloseTo(0.983582998810754, 12);
    expect(ssim(x, x.map((v) => 1 - v), 20, 16)).toBeCloseTo(-0.9888741409863664, 12);
  });

  it('agrees with a direct 2-D evaluation of the formula', () => {
    expect(ssim(x, y, 20, 16)).toBeCloseTo(naiveSsim(x, y, 20, 16), 12);
  });

  it('is symmetric', () => {
    expect(ssim(x, y, 20, 16)).toBeCloseTo(ssim(y, x, 20, 16), 12);
  });

  it('refuses images smaller than its window and windows of even size', () => {
    expect(() => ssim(new Float64Array(100), new Float64Array(100), 10, 10)).toThrow("SSIM's 11×11 window does not fit a 10×10 image");
    expect(() => ssim(x, y, 20, 16, { size: 4 })).toThrow('SSIM window must be an odd positive integer, got 4');
    expect(() => ssim(x, y.subarray(1), 20, 16)).toThrow('SSIM needs two 20×16 images');
  });
});

describe('imageSimilarity', () => {
  it('measures L1, MSE and PSNR on [0, 1] pixels, and SSIM image by image', () => {
    const plane = 12 * 12;
    const images = new Uint8Array(2 * plane).fill(100);
    const targets = new Uint8Array(2 * plane).fill(100);
    targets.fill(151, 0, plane); // first image off by 51/255 = 0.2 everywhere
    const result = imageSimilarity(images, targets, 2, 12, 12);
    expect(result.l1).toBeCloseTo(0.1, 12);
    expect(result.mse).toBeCloseTo(0.02, 12);
    expect(result.psnr).toBeCloseTo(10 * Math.log10(1 / 0.02), 10);
    const [u, v] = [100 / 255, 151 / 255];
    const first = (2 * u * v + 0.0001) / (u * u + v * v + 0.0001);
    expect(result.ssim).toBeCloseTo((first + 1) / 2, 12);
  });

  it('caps PSNR for identical sets so it stays a finite JSON number', () => {
    const images = Uint8Array.from({ length: 144 }, (_, i) => i);
    expect(imageSimilarity(images, images, 1, 12, 12)).toEqual({ l1: 0, mse: 0, psnr: MAX_PSNR, ssim: 1 });
  });

  it('names mismatched sizes', () => {
    expect(() => imageSimilarity(new Uint8Array(144), new Uint8Array(143), 1, 12, 12)).toThrow('need 1 images of 12×12 on each side, got 144 and 143 bytes');
  });
});
