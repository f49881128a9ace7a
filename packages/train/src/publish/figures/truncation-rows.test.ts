import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Generator, tileImages } from '@genzoo/core';
import { exampleManifest, fakeModelSource, FakeRuntime } from '@genzoo/core/testing';
import { renderTruncationRows, TRUNCATION_FIGURE_FILE, TRUNCATION_ROW_SEED, TRUNCATION_ROW_THRESHOLDS, truncationFigure, truncationRows } from './truncation-rows.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-truncation-rows-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('truncation rows figure', () => {
  it('has one row per threshold, 2 down to 0.04, each asking for classes 0…9 left to right', () => {
    const rows = truncationRows(10);
    expect(rows.map((row) => row.truncation)).toEqual([2, 1, 0.5, 0.04]);
    for (const row of rows) expect(row.labels).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const figure = truncationFigure(10);
    expect(figure.file).toBe(TRUNCATION_FIGURE_FILE);
    expect(figure.caption).toContain('t = 2, 1, 0.5, 0.04 from top to bottom');
    expect(figure.caption).toContain('seed: 0');
  });

  it('samples every row from the same seed with its threshold and draws a grid of rows × classes', async () => {
    const model = await Generator.load(await fakeModelSource(exampleManifest()), new FakeRuntime());
    const sample = vi.spyOn(model, 'sample');
    const figure = await renderTruncationRows(model, scratch, 10);
    expect(sample.mock.calls.map(([options]) => options)).toEqual(
      TRUNCATION_ROW_THRESHOLDS.map((truncation) => ({ n: 10, seed: TRUNCATION_ROW_SEED, truncation, labels: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] })),
    );
    // Truncation bounds every latent coordinate, and the fake generator copies latents into pixels.
    const rows = await Promise.all(sample.mock.results.map((result) => result.value as ReturnType<Generator['sample']>));
    rows.forEach((row, index) => expect(Math.max(...row.latents.data.map(Math.abs))).toBeLessThanOrEqual(TRUNCATION_ROW_THRESHOLDS[index]!));
    const png = await sharp(join(scratch, figure.file)).metadata();
    const tile = { width: 8, height: 8, data: new Uint8ClampedArray(8 * 8 * 4) };
    const expected = tileImages(Array.from({ length: 40 }, () => tile), { columns: 10 });
    expect([png.width, png.height]).toEqual([expected.width, expected.height]);
    await model.dispose();
  });
});
