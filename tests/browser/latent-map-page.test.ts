import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, canvasStats, openGallerySession, overflowsHorizontally, tabTo, type GallerySession } from '../helpers/gallery-browser.js';
import { testModels } from '../helpers/test-models.js';

/** A model with a 2-D latent and a decoder, e.g. vae-2d-mnist. */
const model = testModels().find((candidate) => candidate.manifest.image && candidate.manifest.latent?.size === 2 && !candidate.manifest.mixture);

describe('the latent map', () => {
  let session: GallerySession;

  beforeAll(async () => {
    if (!model) throw new Error('the latent map test needs a model with a 2-D latent (e.g. vae-2d-mnist) in models/');
    session = await openGallerySession([model.folder]);
  });
  afterAll(() => session?.close());

  it('draws decodings over the plane and decodes the latent under the pointer', async () => {
    const page = await session.open(`/latent-map.html?model=${model!.id}`);
    expect(await page.textContent('#model-links a[aria-current="page"]')).toBe(model!.manifest.name);
    const plane = await canvasStats(page, '#plane');
    expect(plane.colours).toBeGreaterThan(50);
    await page.waitForSelector('#decoded[data-z]');

    const box = (await page.locator('#plane').boundingBox())!;
    const decodedAt = async (fx: number, fy: number) => {
      await page.mouse.move(box.x + fx * box.width, box.y + fy * box.height);
      const z = await page.textContent('#z-readout');
      await page.waitForFunction((text) => `z = (${document.querySelector<HTMLCanvasElement>('#decoded')!.dataset.z!.replace(',', ', ')})` === text, z);
      return { z, stats: await canvasStats(page, '#decoded') };
    };
    const left = await decodedAt(0.1, 0.5);
    const right = await decodedAt(0.9, 0.2);
    expect(left.z).toBe('z = (-2.40, 0.00)');
    expect(right.z).toBe('z = (2.40, 1.80)');
    expect(left.stats.colours).toBeGreaterThan(5);
    expect(right.stats.fingerprint).not.toBe(left.stats.fingerprint);
    await session.screenshot(page, `gallery-latent-map-${model!.id}`);
    await page.close();
  });

  it('moves the point with the arrow keys', async () => {
    const page = await session.open(`/latent-map.html?model=${model!.id}`);
    await tabTo(page, '#plane');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.querySelector<HTMLCanvasElement>('#decoded')!.dataset.z === '0.00,0.00');
    const centre = await canvasStats(page, '#decoded');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('ArrowUp');
    expect(await page.textContent('#z-readout')).toBe('z = (1.00, 0.05)');
    await page.waitForFunction(() => document.querySelector<HTMLCanvasElement>('#decoded')!.dataset.z === '1.00,0.05');
    expect((await canvasStats(page, '#decoded')).fingerprint).not.toBe(centre.fingerprint);
    await page.close();
  });

  it('fits a phone screen', async () => {
    const page = await session.open(`/latent-map.html?model=${model!.id}`, PHONE);
    expect(await overflowsHorizontally(page)).toBe(false);
    await session.screenshot(page, 'gallery-latent-map-phone');
    await page.close();
    expect(session.pageErrors).toEqual([]);
  });
});
