import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilitiesOf, maxPixelDifference, tileImages, type RgbaImage } from '@genzoo/core';
import { loadModel } from '@genzoo/node';
import { startGallery, type GalleryServer } from '../helpers/gallery-server.js';
import { TEST_OUTPUT, onePerFamily, testModels } from '../helpers/test-models.js';
import { launchChromium, patientPage } from './chromium.js';

const SEEDS = [7, 2024];
const N = 16;
const allModels = testModels();
/**
 * Grid parity covers every image model that samples; the page test one model per family (points models included).
 * Translators sample nothing: capability-parity.test.ts and translate-page.test.ts cover them.
 */
const samplers = allModels.filter((model) => capabilitiesOf(model.manifest).some((capability) => capability === 'sample' || capability === 'samplePoints'));
const imageModels = samplers.filter((model) => model.manifest.image);
const pageModels = onePerFamily(samplers);

interface PageRun {
  image: RgbaImage;
  provider: string;
  fallbacks: { provider: string; reason: string }[];
  timeMs: number;
}

async function runInPage(page: Page, id: string, seed: number, device: 'webgpu' | 'wasm'): Promise<PageRun> {
  const result = await page.evaluate(([model, s, n, d]) => window.genzooRun(model, s, n, d), [id, seed, N, device] as const);
  const data = new Uint8ClampedArray(Buffer.from(result.rgbaBase64, 'base64'));
  return { image: { width: result.width, height: result.height, data }, provider: result.provider, fallbacks: result.fallbacks, timeMs: result.timeMs };
}

async function runInNode(folder: string, seed: number): Promise<RgbaImage> {
  const generator = await loadModel(folder, { device: 'cpu' });
  try {
    return tileImages(generator.toRgba(await generator.sample({ n: N, seed })));
  } finally {
    await generator.dispose();
  }
}

describe('the same seed gives the same pixels in onnxruntime-node, onnxruntime-web WASM and WebGPU', () => {
  let server: GalleryServer;
  let browser: Browser;
  let page: Page;
  const figures: Record<string, unknown>[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(TEST_OUTPUT, { recursive: true });
    server = await startGallery(allModels.map((model) => model.folder));
    browser = await launchChromium();
    page = patientPage(await browser.newPage({ viewport: { width: 1400, height: 900 } }));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => typeof window.genzooRun === 'function');
    expect(await page.evaluate(() => window.isSecureContext && 'gpu' in navigator)).toBe(true);
  });

  afterAll(async () => {
    writeFileSync(join(TEST_OUTPUT, 'cross-runtime-parity.json'), `${JSON.stringify(figures, null, 2)}\n`);
    await browser?.close();
    await server?.stop();
  });

  for (const model of imageModels) {
    it(`${model.id}: grids agree within 1/255 per channel`, async () => {
      for (const seed of SEEDS) {
        const node = await runInNode(model.folder, seed);
        const wasm = await runInPage(page, model.id, seed, 'wasm');
        const webgpu = await runInPage(page, model.id, seed, 'webgpu');

        expect(wasm.provider).toBe('wasm');
        // No silent fallback: this test is about WebGPU, so WebGPU must have run.
        expect(webgpu.fallbacks).toEqual([]);
        expect(webgpu.provider).toBe('webgpu');

        const parity = {
          model: model.id,
          seed,
          n: N,
          size: `${node.width}x${node.height}`,
          nodeVsWasm: maxPixelDifference(node, wasm.image),
          nodeVsWebgpu: maxPixelDifference(node, webgpu.image),
          wasmVsWebgpu: maxPixelDifference(wasm.image, webgpu.image),
          wasmMs: Number(wasm.timeMs.toFixed(2)),
          webgpuMs: Number(webgpu.timeMs.toFixed(2)),
        };
        figures.push(parity);
        console.log(JSON.stringify(parity));
        expect(parity.nodeVsWasm).toBeLessThanOrEqual(1);
        expect(parity.nodeVsWebgpu).toBeLessThanOrEqual(1);
        expect(parity.wasmVsWebgpu).toBeLessThanOrEqual(1);
      }
    });

  }

  for (const model of pageModels) {
    it(`${model.id}: the gallery page shows all three runtimes agreeing`, async () => {
      await page.goto(`${server.url}/model.html?model=${model.id}`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.getByRole('spinbutton', { name: 'Seed', exact: true }).fill(String(SEEDS[0]));
      await page.getByRole('spinbutton', { name: 'Samples' }).fill(String(model.manifest.points ? 1000 : N));
      await page.getByRole('button', { name: 'Generate' }).click();
      await page.waitForSelector('#parity[data-state="done"]');

      for (const panel of ['server', 'webgpu', 'wasm']) {
        expect(await page.getAttribute(`#panel-${panel}`, 'data-state'), `${panel} panel`).toBe('done');
      }
      expect(await page.getAttribute('#panel-webgpu', 'data-provider')).toBe('webgpu');
      expect(await page.getAttribute('#panel-wasm', 'data-provider')).toBe('wasm');
      expect(await page.textContent('#parity')).toMatch(/runtimes agree$/);
      // The shipped samples, then the figures the server lists (the manifest's, and the memorization check when `genzoo eval` wrote one).
      const listed = (await (await fetch(`${server.url}/api/models`)).json()) as { models: { id: string; files: { figures: unknown[] } }[] };
      const served = listed.models.find((entry) => entry.id === model.id)!.files.figures.length;
      expect(served).toBeGreaterThanOrEqual(Object.keys(model.manifest.files.figures ?? {}).length);
      expect(await page.locator('#figures figure').count()).toBe(1 + served);
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('#figures img')].every((img) => img.complete));
      const broken = await page.$$eval('#figures img', (imgs) => imgs.filter((img) => (img as HTMLImageElement).naturalWidth === 0).map((img) => img.getAttribute('src')));
      expect(broken, 'figures that did not load').toEqual([]);
      await page.screenshot({ path: join(TEST_OUTPUT, `gallery-${model.id}.png`), fullPage: true });
      expect(pageErrors).toEqual([]);
    });
  }
});
