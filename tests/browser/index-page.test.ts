import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, openGallerySession, overflowsHorizontally, tabTo, type GallerySession } from '../helpers/gallery-browser.js';
import { testModels } from '../helpers/test-models.js';

const all = testModels();
/** Models of two families and both kinds of sample, so the filters have something to do. */
const models = [all.find((model) => model.manifest.image && model.manifest.metrics.fid !== undefined) ?? all.find((model) => model.manifest.image)!, all.find((model) => model.manifest.points)!];

describe('the model index', () => {
  let session: GallerySession;

  beforeAll(async () => {
    if (models.some((model) => !model)) throw new Error('the index test needs an image model and a points model in models/');
    session = await openGallerySession(models.map((model) => model.folder));
  });
  afterAll(() => session?.close());

  it('shows a card per model with its thumbnail, family, dataset and headline metrics', async () => {
    const page = await session.open('/');
    expect(await page.locator('.model-card').count()).toBe(models.length);
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.model-card img')].every((img) => img.complete && img.naturalWidth > 0));
    for (const model of models) {
      const card = page.locator(`.model-card[data-model="${model.id}"]`);
      expect(await card.locator('h2').textContent()).toBe(model.manifest.name);
      expect(await card.locator('.model-meta').textContent()).toContain(`${model.manifest.family} · ${model.manifest.dataset.name}`);
      expect(await card.locator('h2 a').getAttribute('href')).toBe(`/model.html?model=${model.id}`);
    }
    const evaluated = models[0]!;
    if (evaluated.manifest.metrics.fid !== undefined) {
      expect(await page.locator(`.model-card[data-model="${evaluated.id}"] dl`).textContent()).toContain(`FID${evaluated.manifest.metrics.fid.toFixed(1)}`);
    }
    expect(await page.locator('.model-card[data-model="' + models[1]!.id + '"] .page-links a').allTextContents()).toContain('2-D density');
    await session.screenshot(page, 'gallery-index');
    await page.close();
  });

  it('filters by family with the keyboard, and opens a model page with Enter', async () => {
    const page = await session.open('/');
    await tabTo(page, '#family-filter');
    await page.keyboard.press('ArrowDown');
    const family = await page.$eval('#family-filter', (select) => (select as HTMLSelectElement).value);
    expect(family).not.toBe('');
    const visible = await page.locator('.model-card:not([hidden])').count();
    expect(visible).toBe(models.filter((model) => model.manifest.family === family).length);
    expect(await page.textContent('#models-status')).toBe(`${visible} of ${models.length} models`);
    expect(new URL(page.url()).searchParams.get('family')).toBe(family);

    await tabTo(page, '.model-card:not([hidden]) .card-link');
    await Promise.all([page.waitForURL(/\/model\.html\?model=/), page.keyboard.press('Enter')]);
    await page.waitForSelector('body[data-ready="true"]');
    const shown = models.find((model) => model.manifest.family === family)!;
    expect(await page.textContent('#model-name')).toBe(shown.manifest.name);
    await page.close();
  });

  it('fits a phone screen without sideways scrolling, and old /?model= links still land on the model page', async () => {
    const page = await session.open('/', PHONE);
    expect(await overflowsHorizontally(page)).toBe(false);
    await session.screenshot(page, 'gallery-index-phone');
    await page.goto(`${session.server.url}/?model=${models[0]!.id}`);
    await page.waitForURL(/\/model\.html\?model=/);
    await page.close();
    expect(session.pageErrors).toEqual([]);
  });
});
