import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGallery, type GalleryServer } from '../helpers/gallery-server.js';
import { FIXTURE, testModels } from '../helpers/test-models.js';
import { launchChromium, patientPage } from './chromium.js';

const model = testModels().find((candidate) => candidate.folder === FIXTURE)!;
const graphFile = model.manifest.graphs.generator!.file;

/** Samples once in a worker of the page and returns the page's download log for the generator graph. */
async function sampleAndLog(page: Page): Promise<{ fromCache: boolean; loaded: number }[]> {
  await page.waitForFunction(() => typeof window.genzooCall === 'function');
  await page.evaluate((id) => window.genzooCall(id, 'wasm', { capability: 'sample', n: 2, seed: 1 }), model.id);
  return page.evaluate((file) => window.genzooDownloads.filter((event) => event.file === file).map(({ fromCache, loaded }) => ({ fromCache, loaded })), graphFile);
}

describe('the browser keeps model graphs in Cache Storage, verified by sha256', () => {
  let server: GalleryServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startGallery([model.folder]);
    browser = await launchChromium();
    page = patientPage(await (await browser.newContext()).newPage());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('downloads with progress on the first visit and reads the cache on the next', async () => {
    await page.goto(`${server.url}/`);
    const first = await sampleAndLog(page);
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((event) => !event.fromCache)).toBe(true);
    expect(first.at(-1)!.loaded).toBe(model.manifest.graphs.generator!.bytes);

    await page.reload();
    expect(await sampleAndLog(page)).toEqual([{ fromCache: true, loaded: model.manifest.graphs.generator!.bytes }]);
  });

  it('throws away a cached graph whose bytes no longer match and downloads it again', async () => {
    await page.evaluate(async (file) => {
      const cache = await caches.open('genzoo-models-v1');
      for (const request of await cache.keys()) {
        if (new URL(request.url).pathname.endsWith(`/${file}`)) await cache.put(request, new Response(new Uint8Array([1, 2, 3])));
      }
    }, graphFile);
    await page.reload();
    const events = await sampleAndLog(page);
    expect(events.every((event) => !event.fromCache)).toBe(true);
    expect(events.at(-1)!.loaded).toBe(model.manifest.graphs.generator!.bytes);
  });
});
