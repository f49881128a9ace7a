import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import type { ImageDataset } from './image-dataset.js';

const MAGIC = 'GZDS';
const VERSION = 1;
const HEADER_BYTES = 32;

/**
 * Binary cache layout (little endian):
 * 0 'GZDS' · 4 version u32 · 8 count u32 · 12 height u32 · 16 width u32 ·
 * 20 numClasses u32 · 24 crc32 of payload u32 · 28 reserved u32 (0) ·
 * 32 payload = pixels (count·h·w bytes) then labels (count bytes).
 */
export function encodeDatasetCache(dataset: ImageDataset): Uint8Array {
  const payloadBytes = dataset.pixels.length + dataset.labels.length;
  const out = new Uint8Array(HEADER_BYTES + payloadBytes);
  out.set(dataset.pixels, HEADER_BYTES);
  out.set(dataset.labels, HEADER_BYTES + dataset.pixels.length);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, dataset.count, true);
  view.setUint32(12, dataset.height, true);
  view.setUint32(16, dataset.width, true);
  view.setUint32(20, dataset.numClasses, true);
  view.setUint32(24, crc32(out.subarray(HEADER_BYTES)), true);
  view.setUint32(28, 0, true);
  return out;
}

/** Parses a cache file's bytes; throws a one-line error naming the file on any corruption. */
export function decodeDatasetCache(bytes: Uint8Array, name: string, source = 'dataset cache'): ImageDataset {
  if (bytes.length < HEADER_BYTES || String.fromCharCode(...bytes.subarray(0, 4)) !== MAGIC) {
    throw new Error(`${source}: not a genzoo dataset cache (bad magic)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== VERSION) throw new Error(`${source}: unsupported cache version ${version} (expected ${VERSION})`);
  const count = view.getUint32(8, true);
  const height = view.getUint32(12, true);
  const width = view.getUint32(16, true);
  const numClasses = view.getUint32(20, true);
  const expectedCrc = view.getUint32(24, true);
  const pixelBytes = count * height * width;
  if (bytes.length !== HEADER_BYTES + pixelBytes + count) {
    throw new Error(`${source}: truncated or oversized (${bytes.length} bytes, expected ${HEADER_BYTES + pixelBytes + count})`);
  }
  const payload = bytes.subarray(HEADER_BYTES);
  const actualCrc = crc32(payload);
  if (actualCrc !== expectedCrc) {
    throw new Error(`${source}: checksum mismatch (crc32 ${actualCrc.toString(16)} ≠ ${expectedCrc.toString(16)}); delete it to rebuild`);
  }
  return {
    name,
    count,
    height,
    width,
    numClasses,
    pixels: payload.slice(0, pixelBytes),
    labels: payload.slice(pixelBytes),
  };
}

/** Writes the cache atomically (temp file + rename). */
export function writeDatasetCache(path: string, dataset: ImageDataset): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, encodeDatasetCache(dataset));
  renameSync(temp, path);
}

/** Reads and verifies a cache file. */
export function readDatasetCache(path: string, name: string): ImageDataset {
  return decodeDatasetCache(new Uint8Array(readFileSync(path)), name, `dataset cache ${path}`);
}
