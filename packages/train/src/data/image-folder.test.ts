import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImageFolder } from './image-folder.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-folder-'));
const good = join(scratch, 'good');
const cache = join(scratch, 'cache');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** 40×30 RGB: a 5-pixel red band left and right (cropped away), between them top half white, bottom half black. */
async function writeImage(path: string, format: 'png' | 'jpeg'): Promise<void> {
  const width = 40;
  const height = 30;
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const band = x < 5 || x >= 35;
      const value = band ? [255, 0, 0] : y < 15 ? [255, 255, 255] : [0, 0, 0];
      data.set(value, (y * width + x) * 3);
    }
  }
  const image = sharp(data, { raw: { width, height, channels: 3 } });
  await (format === 'png' ? image.png() : image.jpeg({ quality: 100 })).toFile(path);
}

beforeAll(async () => {
  mkdirSync(good);
  await writeImage(join(good, 'a.png'), 'png');
  await writeImage(join(good, 'b.JPG'), 'jpeg');
  writeFileSync(join(good, 'notes.txt'), 'ignored');
});

describe('image folder dataset', () => {
  it('decodes PNG and JPEG, center-crops to a square, resizes, grayscale', async () => {
    const set = await loadImageFolder(good, { size: 10, channels: 1, cacheDir: cache });
    expect([set.count, set.height, set.width, set.channels]).toEqual([2, 10, 10, 1]);
    for (let n = 0; n < 2; n++) {
      const image = set.pixels.subarray(n * 100, (n + 1) * 100);
      // The red bands are cropped away: the first and last columns are white on top, black below.
      expect(image[0]).toBeGreaterThan(240);
      expect(image[9]).toBeGreaterThan(240);
      expect(image[90]).toBeLessThan(15);
      expect(image[99]).toBeLessThan(15);
    }
  });

  it('RGB keeps three interleaved channels, and the second load comes from the cache', async () => {
    const set = await loadImageFolder(good, { size: 8, channels: 3, cacheDir: cache });
    expect(set.pixels.length).toBe(2 * 8 * 8 * 3);
    expect(Array.from(set.pixels.subarray(0, 3))).toEqual([255, 255, 255].map(() => expect.any(Number)));
    expect(Math.min(...set.pixels.subarray(0, 3))).toBeGreaterThan(240);
    const cachedFiles = readdirSync(cache);
    const again = await loadImageFolder(good, { size: 8, channels: 3, cacheDir: cache });
    expect(readdirSync(cache)).toEqual(cachedFiles);
    expect(Buffer.from(again.pixels).equals(Buffer.from(set.pixels))).toBe(true);
    expect([again.width, again.channels]).toEqual([8, 3]);
  });

  it('an unreadable file is a one-line error naming it', async () => {
    const bad = join(scratch, 'bad');
    mkdirSync(bad);
    await writeImage(join(bad, 'ok.png'), 'png');
    writeFileSync(join(bad, 'broken.png'), 'not a png at all');
    const error = await loadImageFolder(bad, { size: 8, channels: 1, cacheDir: false }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/cannot read .*broken\.png \(/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('empty and missing folders are one-line errors', async () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    await expect(loadImageFolder(empty, { size: 8, channels: 1 })).rejects.toThrow(/has no \.png\/\.jpg\/\.jpeg files/);
    await expect(loadImageFolder(join(scratch, 'nope'), { size: 8, channels: 1 })).rejects.toThrow(/does not exist or is not a folder/);
  });
});
