import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sharp from 'sharp';

/** One row of a translation grid: groups of images side by side (e.g. input | output | target), values in [0, 1]. */
export type GridRow = readonly (readonly Float32Array[])[];

/** Layout of {@link writeTranslationGrid}. */
export interface TranslationGridOptions {
  width: number;
  height: number;
  /** Pixels between the images of a group (default 2). */
  gap?: number;
  /** Pixels between groups (default 10). */
  groupGap?: number;
  /** Nearest-neighbour upscaling (default 2). */
  scale?: number;
}

/**
 * Writes a grayscale PNG of rows of image groups, e.g. held-out `source | output | target` triples, four to a row,
 * with a wide gap between groups so that each reads as one example. Every row must have the same group sizes.
 */
export async function writeTranslationGrid(rows: readonly GridRow[], path: string, options: TranslationGridOptions): Promise<void> {
  const { width: w, height: h, gap = 2, groupGap = 10, scale = 2 } = options;
  const shape = rows[0]?.map((group) => group.length) ?? [];
  if (rows.some((row) => row.map((group) => group.length).join() !== shape.join())) throw new Error('every row of a translation grid needs the same groups');
  const rowWidth = shape.reduce((sum, n) => sum + n * w + (n - 1) * gap, 0) + (shape.length - 1) * groupGap + 2 * gap;
  const height = rows.length * (h + gap) + gap;
  const pixels = new Uint8Array(rowWidth * height).fill(40);
  rows.forEach((row, r) => {
    const top = gap + r * (h + gap);
    let left = gap;
    row.forEach((group, g) => {
      if (g > 0) left += groupGap - gap;
      for (const image of group) {
        if (image.length !== w * h) throw new Error(`grid images must be ${w}×${h}, got ${image.length} values`);
        for (let y = 0; y < h; y++) {
          for (let x = 0; x < w; x++) pixels[(top + y) * rowWidth + left + x] = Math.round(Math.min(1, Math.max(0, image[y * w + x]!)) * 255);
        }
        left += w + gap;
      }
    });
  });
  mkdirSync(dirname(path), { recursive: true });
  await sharp(pixels, { raw: { width: rowWidth, height, channels: 1 } })
    .resize(rowWidth * scale, height * scale, { kernel: 'nearest' })
    .png()
    .toFile(path);
}
