import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, openGallerySession, overflowsHorizontally, tabTo, type GallerySession } from '../helpers/gallery-browser.js';
import { REPO_ROOT } from '../helpers/test-models.js';

const MODELS = join(REPO_ROOT, 'models');

interface Table {
  dataset: string;
  rows: { id: string; kind: string; metrics: Record<string, number> }[];
}

describe('the leaderboard page', () => {
  let session: GallerySession;
  let tables: Table[];

  beforeAll(async () => {
    const leaderboard = JSON.parse(readFileSync(join(MODELS, 'leaderboard.json'), 'utf8')) as { datasets: Table[]; pointDatasets?: Table[]; translationTables?: Table[] };
    tables = [...leaderboard.datasets, ...(leaderboard.pointDatasets ?? []), ...(leaderboard.translationTables ?? [])];
    // The whole zoo: the leaderboard sits beside the model folders.
    session = await openGallerySession([MODELS]);
  });
  afterAll(() => session?.close());

  it('shows a table per dataset (and per kind of translation) with every row of models/leaderboard.json, linking served models', async () => {
    const page = await session.open('/leaderboard.html');
    expect(await page.locator('.board').count()).toBe(tables.length);
    for (const table of tables) {
      const board = page.locator(`.board:has(h2#board-${table.dataset})`);
      expect(await board.locator('tbody tr').count()).toBe(table.rows.length);
    }
    const modelRow = tables.flatMap((table) => table.rows).find((row) => row.kind === 'model');
    if (modelRow) expect(await page.getAttribute(`tr[data-id="${modelRow.id}"] th a`, 'href')).toBe(`/model.html?model=${modelRow.id}`);
    await session.screenshot(page, 'gallery-leaderboard');
    await page.close();
  });

  it('sorts by a column from the keyboard', async () => {
    const page = await session.open('/leaderboard.html');
    const table = tables.find((candidate) => candidate.rows.filter((row) => row.metrics.fid !== undefined).length >= 2);
    if (!table) throw new Error('no leaderboard table with two FIDs to sort');
    const board = `.board:has(h2#board-${table.dataset})`;
    const header = `${board} thead th:has(button:text("FID ↓"))`;
    await tabTo(page, `${header} button`);
    await page.keyboard.press('Enter');
    expect(await page.getAttribute(header, 'aria-sort')).toBe('ascending');
    const best = [...table.rows].filter((row) => row.metrics.fid !== undefined).sort((a, b) => a.metrics.fid! - b.metrics.fid!)[0]!;
    expect(await page.getAttribute(`${board} tbody tr:first-child`, 'data-id')).toBe(best.id);
    await page.keyboard.press('Enter');
    expect(await page.getAttribute(header, 'aria-sort')).toBe('descending');
    await page.close();
  });

  it('fits a phone screen: wide tables scroll inside their box', async () => {
    const page = await session.open('/leaderboard.html', PHONE);
    expect(await overflowsHorizontally(page)).toBe(false);
    await session.screenshot(page, 'gallery-leaderboard-phone');
    await page.close();
    expect(session.pageErrors).toEqual([]);
  });
});
