import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, canvasStats, openGallerySession, overflowsHorizontally, tabTo, type GallerySession } from '../helpers/gallery-browser.js';
import { testModels } from '../helpers/test-models.js';

/** A points model of a dataset the server can draw real points of, with a density graph. */
const model = testModels().find((candidate) => candidate.manifest.points && candidate.manifest.graphs.density && ['ring', 'grid'].includes(candidate.manifest.dataset.name));

/** Pixels of the plot close to a colour. */
function countColour(page: Page, [r, g, b]: readonly [number, number, number]): Promise<number> {
  return page.$eval(
    '#toy-plot',
    (canvas, target) => {
      const element = canvas as HTMLCanvasElement;
      const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
      let count = 0;
      for (let index = 0; index < data.length; index += 4) {
        if (Math.abs(data[index]! - target[0]) + Math.abs(data[index + 1]! - target[1]) + Math.abs(data[index + 2]! - target[2]) < 40) count++;
      }
      return count;
    },
    [r, g, b] as const,
  );
}

describe('the 2-D toy page', () => {
  let session: GallerySession;

  beforeAll(async () => {
    if (!model) throw new Error('the toy page test needs a points model of ring or grid with a density graph (e.g. kde-ring) in models/');
    session = await openGallerySession([model.folder]);
  });
  afterAll(() => session?.close());

  it('plots real points and model samples over the model density', async () => {
    const page = await session.open(`/toy.html?model=${model!.id}`);
    await page.waitForSelector('#toy-plot[data-ready="true"]');
    expect(await page.textContent('#page-status')).toMatch(/1000 samples on wasm .* density on a 96×96 grid/);
    const stats = await canvasStats(page, '#toy-plot');
    expect(stats.width).toBe(480);
    expect(stats.colours).toBeGreaterThan(50);
    expect(await countColour(page, [255, 140, 60])).toBeGreaterThan(100);
    await session.screenshot(page, `gallery-toy-${model!.id}`);

    await tabTo(page, '#show-density');
    await page.keyboard.press('Space');
    expect((await canvasStats(page, '#toy-plot')).colours).toBeLessThan(stats.colours);
    await tabTo(page, '#show-real');
    await page.keyboard.press('Space');
    expect(await countColour(page, [255, 140, 60])).toBe(0);
    await page.close();
  });

  it('redraws for a new seed from the keyboard and rejects a bad point count', async () => {
    const page = await session.open(`/toy.html?model=${model!.id}`);
    await page.waitForSelector('#toy-plot[data-ready="true"]');
    const before = await canvasStats(page, '#toy-plot');
    await tabTo(page, '#seed');
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await page.waitForFunction((previous) => {
      const status = document.querySelector('#page-status')!.textContent!;
      return !status.startsWith('Computing') && document.querySelector<HTMLButtonElement>('#draw')!.disabled === false && previous !== null;
    }, before.fingerprint);
    await page.waitForTimeout(100);
    expect((await canvasStats(page, '#toy-plot')).fingerprint).not.toBe(before.fingerprint);
    await page.fill('#count', '0');
    await page.click('#draw');
    expect(await page.textContent('#page-status')).toBe('Points must be a whole number from 1 to 4096.');
    await page.close();
  });

  it('fits a phone screen', async () => {
    const page = await session.open(`/toy.html?model=${model!.id}`, PHONE);
    expect(await overflowsHorizontally(page)).toBe(false);
    await session.screenshot(page, 'gallery-toy-phone');
    await page.close();
    expect(session.pageErrors).toEqual([]);
  });
});
