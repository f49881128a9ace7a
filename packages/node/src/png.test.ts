import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { RgbaImage } from '@genzoo/core';
import { makeTempDir, removeTempDir } from '../test-support/fixture.js';
import { channelsNeeded, encodePng, encodeWebp, OutputError, writePng, writeSampleGrid, writeSvgPng } from './png.js';

function solid(width: number, height: number, [r, g, b, a]: [number, number, number, number]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let index = 0; index < data.length; index += 4) data.set([r, g, b, a], index);
  return { width, height, data };
}

async function decode(png: Buffer): Promise<{ channels: number; rgba: Buffer }> {
  const { channels } = await sharp(png).metadata();
  const rgba = await sharp(png).ensureAlpha().raw().toBuffer();
  return { channels: channels!, rgba };
}

describe('encodePng', () => {
  it('stores as few channels as hold the image losslessly', async () => {
    const cases: [[number, number, number, number], number][] = [
      [[90, 90, 90, 255], 1],
      [[90, 90, 90, 128], 2],
      [[90, 20, 90, 255], 3],
      [[90, 20, 90, 128], 4],
    ];
    for (const [colour, channels] of cases) {
      const image = solid(5, 3, colour);
      image.data[0] = colour[0] === colour[1] ? image.data[0]! : 7; // keep colour images colourful, grey ones grey
      expect(channelsNeeded(image)).toBe(channels);
      const decoded = await decode(await encodePng(image));
      expect(decoded.channels).toBe(channels);
      expect(Buffer.from(image.data.buffer).equals(decoded.rgba)).toBe(true);
    }
  });

  it('rejects data that does not match the size', async () => {
    await expect(encodePng({ width: 2, height: 2, data: new Uint8ClampedArray(15) })).rejects.toThrow('a 2x2 RGBA image needs 16 bytes, got 15');
    await expect(encodePng({ width: 0, height: 2, data: new Uint8ClampedArray(0) })).rejects.toThrow('image size must be positive integers, got 0x2');
  });
});

describe('encodeWebp', () => {
  it('keeps every pixel (lossless)', async () => {
    const image = solid(6, 4, [10, 200, 30, 255]);
    image.data.set([250, 1, 2, 255], 4 * 7);
    const webp = await encodeWebp(image);
    expect((await sharp(webp).metadata()).format).toBe('webp');
    const rgba = await sharp(webp).ensureAlpha().raw().toBuffer();
    expect(Buffer.from(image.data.buffer).equals(rgba)).toBe(true);
  });
});

describe('writePng and writeSampleGrid', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(() => removeTempDir(dir));

  it('writes a grid of the expected size', async () => {
    const tiles = Array.from({ length: 5 }, (_, index) => solid(8, 8, [index * 40, index * 40, index * 40, 255]));
    const info = await writeSampleGrid(tiles, path.join(dir, 'grid.png'), { columns: 2 });
    expect(info).toMatchObject({ width: 2 * 8 + 3 * 2, height: 3 * 8 + 4 * 2, channels: 1 });
    const metadata = await sharp(info.path).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', info.width, info.height]);
    expect((await stat(info.path)).size).toBe(info.bytes);
  });

  it('names the path it cannot write', async () => {
    const target = path.join(dir, 'missing', 'grid.png');
    const failure = writePng(solid(1, 1, [0, 0, 0, 255]), target);
    await expect(failure).rejects.toBeInstanceOf(OutputError);
    await expect(failure).rejects.toThrow(`cannot write ${target}: it does not exist`);
    await expect(writePng(solid(1, 1, [0, 0, 0, 255]), dir)).rejects.toThrow(`cannot write ${dir}: it is a folder`);
  });

  it('renders an SVG chart to a PNG of its size, naming a path it cannot write', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="white"/></svg>';
    const target = path.join(dir, 'chart.png');
    await writeSvgPng(svg, target);
    const metadata = await sharp(target).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 40, 20]);
    await expect(writeSvgPng(svg, path.join(dir, 'missing', 'chart.png'))).rejects.toBeInstanceOf(OutputError);
  });
});
