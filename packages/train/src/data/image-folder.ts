import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { datasetCacheDir } from '../paths.js';
import { readDatasetCache, writeDatasetCache } from './dataset-cache.js';
import type { ImageDataset } from './image-dataset.js';

/** File extensions read from an image folder. */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg'] as const;

/** Options of {@link loadImageFolder}. */
export interface ImageFolderOptions {
  /** Output side length: images are center-cropped to a square, then resized to size × size. */
  size: number;
  /** 1: grayscale, 3: RGB. */
  channels: 1 | 3;
  /** Folder for the decoded cache (default: the dataset cache folder); `false` to skip caching. */
  cacheDir?: string | false;
}

/** Whether `path` names an existing folder (so `--dataset` treats it as an image folder). */
export function isImageFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** The PNG/JPEG files of a folder (not recursive), sorted by name; a one-line error when there are none. */
export function listImageFiles(dir: string): string[] {
  if (!isImageFolder(dir)) throw new Error(`image folder ${dir} does not exist or is not a folder`);
  const files = readdirSync(dir)
    .filter((name) => (IMAGE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase()))
    .sort()
    .map((name) => join(dir, name));
  if (files.length === 0) throw new Error(`image folder ${dir} has no ${IMAGE_EXTENSIONS.join('/')} files`);
  return files;
}

function cacheKey(files: readonly string[], options: ImageFolderOptions): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ size: options.size, channels: options.channels, version: 1 }));
  for (const file of files) {
    const stat = statSync(file);
    hash.update(`${basename(file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

async function decode(file: string, options: ImageFolderOptions): Promise<Buffer> {
  const metadata = await sharp(file, { failOn: 'error' }).metadata();
  const { width, height } = metadata.autoOrient ?? metadata;
  if (width === undefined || height === undefined) throw new Error('no image size');
  // Crop the central square exactly, then resize (sharp's fit 'cover' resizes first and blurs the border in).
  const side = Math.min(width, height);
  let image = sharp(file, { failOn: 'error' })
    .rotate()
    .extract({ left: Math.floor((width - side) / 2), top: Math.floor((height - side) / 2), width: side, height: side })
    .resize(options.size, options.size);
  image = options.channels === 1 ? image.grayscale() : image.removeAlpha().toColourspace('srgb');
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== options.channels || data.length !== options.size * options.size * options.channels) {
    throw new Error(`decoded to ${info.width}×${info.height}×${info.channels}, expected ${options.size}×${options.size}×${options.channels}`);
  }
  return data;
}

/**
 * A user's folder of PNG/JPEG images as an {@link ImageDataset}: every file decoded with sharp,
 * center-cropped to a square, resized to `size`, converted to grayscale or RGB, and cached as a
 * compact binary keyed by the files' names, sizes and times. Every file is decoded before anything
 * trains; an unreadable one is a one-line error naming it (and how many others failed).
 */
export async function loadImageFolder(folder: string, options: ImageFolderOptions): Promise<ImageDataset> {
  if (!Number.isInteger(options.size) || options.size < 1) throw new Error(`image size must be a positive integer, got ${options.size}`);
  const dir = resolve(folder);
  const files = listImageFiles(dir);
  const name = `folder:${basename(dir)}`;
  const cachePath = options.cacheDir === false
    ? undefined
    : join(options.cacheDir ?? datasetCacheDir(), `folder-${basename(dir).replace(/[^\w.-]/g, '_')}-${cacheKey(files, options)}.gzds`);
  if (cachePath !== undefined && existsSync(cachePath)) {
    const cached = readDatasetCache(cachePath, name);
    return { ...cached, width: cached.width / options.channels, channels: options.channels };
  }

  const pixelsPer = options.size * options.size * options.channels;
  const pixels = new Uint8Array(files.length * pixelsPer);
  const failures: string[] = [];
  for (const [index, file] of files.entries()) {
    try {
      pixels.set(await decode(file, options), index * pixelsPer);
    } catch (error) {
      failures.push(`${file} (${(error as Error).message.split('\n')[0]})`);
    }
  }
  if (failures.length > 0) {
    const others = failures.length > 1 ? ` and ${failures.length - 1} more unreadable file(s)` : '';
    throw new Error(`image folder ${dir}: cannot read ${failures[0]}${others}`);
  }
  const dataset: ImageDataset = {
    name, count: files.length, height: options.size, width: options.size, channels: options.channels,
    numClasses: 1, pixels, labels: new Uint8Array(files.length),
  };
  // The cache format stores one byte per column, so interleaved channels are stored as a wider image.
  if (cachePath !== undefined) writeDatasetCache(cachePath, { ...dataset, width: options.size * options.channels, channels: 1 });
  return dataset;
}
