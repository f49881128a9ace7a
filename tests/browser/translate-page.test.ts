import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxPixelDifference, rgbaImagesToTensor, imageInputOf, type RgbaImage } from '@genzoo/core';
import { loadModel, translateImage } from '@genzoo/node';
import { PHONE, canvasStats, openGallerySession, overflowsHorizontally, tabTo, type GallerySession } from '../helpers/gallery-browser.js';
import { testModels } from '../helpers/test-models.js';
import { oneWayCopy, translatorModels, twoWayFirst } from '../helpers/translators.js';
import { patientPage } from './chromium.js';

const translators = translatorModels();
/** A CycleGAN (a2b and b2a) when models/ has one: the page's direction switch and cycle back are tested on it. */
const twoWay = twoWayFirst(translators);
const hasTwoWay = twoWay.manifest.graphs.b2a !== undefined;
const shippedOneWay = translators.find((model) => !model.manifest.graphs.b2a && model !== twoWay);
/** pix2pix ships a2b only; when models/ has none besides the main model, a one-way copy of it stands in. */
const oneWay = shippedOneWay ? { id: shippedOneWay.id, folder: shippedOneWay.folder, copy: false } : { ...oneWayCopy(twoWay), copy: true };
/** An edges → image model (pix2pix on edge maps): the page traces drawings into edge maps for it. */
const edgeModel = translators.find((model) => /edge/.test(model.manifest.translation!.a.name));
const sampler = testModels().find((model) => model.manifest.image && model.manifest.graphs.generator && !model.manifest.translation)!;

/** Strokes a loop and a line across the pad with the mouse. */
async function drawStrokes(page: Page): Promise<void> {
  const box = (await page.locator('#pad').boundingBox())!;
  const at = (fx: number, fy: number) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(0.3, 0.25));
  await page.mouse.down();
  for (const [fx, fy] of [[0.6, 0.2], [0.7, 0.45], [0.45, 0.55], [0.35, 0.8], [0.7, 0.8]] as const) await page.mouse.move(...at(fx, fy), { steps: 8 });
  await page.mouse.up();
}

/** Pixels of a canvas as an RGBA image. */
function readCanvas(page: Page, selector: string): Promise<RgbaImage> {
  return page.$eval(selector, (canvas) => {
    const element = canvas as HTMLCanvasElement;
    const { data, width, height } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
    return { width, height, data: Array.from(data) };
  }).then(({ width, height, data }) => ({ width, height, data: Uint8ClampedArray.from(data) }));
}

/** Runs `action` and waits until the page has translated again (its counter moved) with nothing pending. */
async function translatedAfter(page: Page, action: () => Promise<void>): Promise<void> {
  // The counter ticks once a round ends (the way back included); the canvas is ready before that.
  await page.waitForSelector('body[data-translations]');
  const before = Number(await page.getAttribute('body', 'data-translations'));
  await action();
  await page.waitForFunction((count) => Number(document.body.dataset.translations) > count, before);
  // latestWins may still run the newest request: wait until the counter stops moving.
  let last = -1;
  for (;;) {
    await page.waitForTimeout(150);
    const now = Number(await page.getAttribute('body', 'data-translations'));
    if (now === last) return;
    last = now;
  }
}

describe('the translate page', () => {
  let session: GallerySession;

  beforeAll(async () => {
    if (!sampler) throw new Error('the translate page test needs an image model with a generator in models/ as well');
    if (!edgeModel) throw new Error(`the translate page test needs an edges → image translator (pix2pix-edges-*) in models/, found ${translators.map((model) => model.id).join(', ')}`);
    session = await openGallerySession([...new Set([twoWay.folder, oneWay.folder, edgeModel.folder, sampler.folder])]);
  });
  afterAll(async () => {
    await session?.close();
    if (oneWay.copy) rmSync(dirname(oneWay.folder), { recursive: true, force: true });
  });

  it('has a two-way translator (CycleGAN) to test the direction switch and the cycle back with', () => {
    expect(hasTwoWay, `no two-way translator (CycleGAN, with a b2a graph) among ${translators.map((model) => model.id).join(', ')}: models/ has none yet`).toBe(true);
  });

  it('translates strokes drawn with the mouse live, as onnxruntime-node does, and cycles back for two-way models', async () => {
    const page = await session.open(`/translate.html?model=${twoWay.id}`);
    const { a, b } = twoWay.manifest.translation!;
    expect(await page.locator('#direction option').allTextContents()).toEqual([`${a.name} → ${b.name}`, ...(hasTwoWay ? [`${b.name} → ${a.name}`] : [])]);
    expect(await page.isVisible('#cycle-figure')).toBe(hasTwoWay);
    await translatedAfter(page, () => drawStrokes(page));
    expect((await canvasStats(page, '#model-input')).colours).toBeGreaterThan(3);
    const translation = await canvasStats(page, '#translation');
    expect([translation.width, translation.height]).toEqual([twoWay.manifest.image!.width, twoWay.manifest.image!.height]);
    expect(translation.colours).toBeGreaterThan(3);
    expect(await page.textContent('#translate-time')).toMatch(/^wasm, [\d.]+ ms$/);
    if (hasTwoWay) {
      expect((await canvasStats(page, '#cycle')).colours).toBeGreaterThan(3);
      expect(await page.textContent('#cycle-time')).toMatch(/^wasm, [\d.]+ ms$/);
    }

    // The page's translation of what it showed the model matches onnxruntime-node's within 1/255.
    const seen = await readCanvas(page, '#model-input');
    const node = await loadModel(twoWay.folder, { device: 'cpu' });
    try {
      const format = imageInputOf(node.manifest, 'a2b');
      const expected = node.toRgba(await node.translate(rgbaImagesToTensor([seen], format)))[0]!;
      expect(maxPixelDifference(expected, await readCanvas(page, '#translation'))).toBeLessThanOrEqual(1);
    } finally {
      await node.dispose();
    }
    await session.screenshot(page, `gallery-translate-${twoWay.id}`);

    // WebGPU gives the same translation.
    const wasm = await readCanvas(page, '#translation');
    await translatedAfter(page, async () => void (await page.selectOption('#device', 'webgpu')));
    expect(await page.textContent('#translate-time')).toMatch(/^webgpu, [\d.]+ ms$/);
    expect(await page.getAttribute('body', 'data-provider')).toBe('webgpu');
    expect(maxPixelDifference(wasm, await readCanvas(page, '#translation'))).toBeLessThanOrEqual(1);
    if (hasTwoWay) expect((await canvasStats(page, '#cycle')).colours).toBeGreaterThan(3);
    await session.screenshot(page, `gallery-translate-${twoWay.id}-webgpu`);
    await page.close();
  });

  it('traces the edges of a drawing for edges → image models, as the model was trained on, unless told not to', async () => {
    const page = await session.open(`/translate.html?model=${edgeModel!.id}`);
    expect(await page.isVisible('#trace-edges')).toBe(true);
    expect(await page.isChecked('#trace-edges')).toBe(true);
    await translatedAfter(page, () => drawStrokes(page));
    const traced = await readCanvas(page, '#model-input');
    const values = new Set(Array.from(traced.data).filter((_, index) => index % 4 === 0));
    expect([...values].sort((x, y) => x - y)).toEqual([0, 255]);
    expect((await canvasStats(page, '#translation')).colours).toBeGreaterThan(3);
    expect(await page.textContent('#page-status')).toContain('traces their edges');
    await session.screenshot(page, `gallery-translate-${edgeModel!.id}-traced`);

    await translatedAfter(page, () => page.uncheck('#trace-edges'));
    const drawn = await readCanvas(page, '#model-input');
    expect(new Set(Array.from(drawn.data).filter((_, index) => index % 4 === 0)).size).toBeGreaterThan(2);
    await page.close();
  });

  it('works from the keyboard: direction, brush, drawing on the pad, clear', async () => {
    const page = await session.open(`/translate.html?model=${twoWay.id}`);
    if (hasTwoWay) {
      await tabTo(page, '#direction');
      await translatedAfter(page, () => page.keyboard.press('ArrowDown'));
      expect(await page.inputValue('#direction')).toBe('b2a');
      expect(await page.textContent('#source-domain')).toBe(`(${twoWay.manifest.translation!.b.name})`);
    }
    await tabTo(page, '#brush');
    await page.selectOption('#brush', '2');
    await page.keyboard.press('ArrowDown');
    expect(await page.inputValue('#brush')).toBe('3');
    await tabTo(page, '#pad');
    expect(await page.isVisible('#pad-cursor')).toBe(true);
    await translatedAfter(page, async () => {
      await page.keyboard.press('Space');
      for (let step = 0; step < 6; step++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Space');
    });
    expect(await page.textContent('#pad-cursor-state')).toBe('brush up at 20, 18');
    expect((await canvasStats(page, '#pad')).colours).toBeGreaterThan(1);
    expect((await canvasStats(page, '#translation')).colours).toBeGreaterThan(1);
    await session.screenshot(page, `gallery-translate-${twoWay.id}-keyboard`);
    await translatedAfter(page, () => page.keyboard.press('Delete'));
    expect((await canvasStats(page, '#pad')).colours).toBe(1);
    await tabTo(page, '#clear');
    await page.keyboard.press('Enter');
    expect((await canvasStats(page, '#pad')).colours).toBe(1);
    await page.close();
  });

  it('sends an uploaded image to the server and shows its translation, and its errors', async () => {
    const page = await session.open(`/translate.html?model=${oneWay.id}`);
    expect(await page.isVisible('#cycle-figure')).toBe(false);
    expect(await page.locator('#direction option').count()).toBe(1);
    const upload = await sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="90"><rect width="100%" height="100%" fill="black"/><circle cx="60" cy="45" r="30" stroke="white" stroke-width="8" fill="none"/></svg>')).png().toBuffer();
    await page.setInputFiles('#upload', { name: 'ring.png', mimeType: 'image/png', buffer: upload });
    await page.waitForSelector('#upload-result[data-state="done"]');
    expect(await page.textContent('#upload-status')).toMatch(/^(cpu|cuda), [\d.]+ ms$/);
    expect(await page.$eval('#upload-result', (img) => (img as HTMLImageElement).naturalWidth)).toBe(twoWay.manifest.image!.width);
    expect(await page.getAttribute('#upload-result', 'alt')).toContain('ring.png translated from');
    // The PNG the page shows is the server's translation: the same pixels @genzoo/node gives for those bytes.
    const shown = await page.$eval('#upload-result', async (img) => {
      const bitmap = await createImageBitmap(img as HTMLImageElement, { colorSpaceConversion: 'none' });
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return Array.from(context.getImageData(0, 0, bitmap.width, bitmap.height).data);
    });
    const node = await loadModel(oneWay.folder, { device: 'cpu' });
    try {
      const expected = await translateImage(node, upload);
      expect(maxPixelDifference(expected.image, { ...expected.image, data: Uint8ClampedArray.from(shown) })).toBe(0);
    } finally {
      await node.dispose();
    }
    await session.screenshot(page, `gallery-translate-${oneWay.id}-upload`);

    await page.setInputFiles('#upload', { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
    await page.waitForSelector('#upload-result[data-state="error"]', { state: 'attached' });
    expect(await page.textContent('#upload-status')).toMatch(/the uploaded image is not an image in a format this can read/);
    await page.close();
  });

  it('fits a phone screen without layout jumps, and takes touch', async () => {
    const context = await session.browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    const page = patientPage(await context.newPage());
    await page.goto(`${session.server.url}/translate.html?model=${twoWay.id}`);
    await page.waitForSelector('body[data-ready="true"]');
    // A whole round, the way back included, so every caption holds its timing before the boxes are measured.
    await page.waitForSelector('body[data-translations]');
    expect(await overflowsHorizontally(page)).toBe(false);
    const boxes = async () => Promise.all(['#pad', '#translation', '#model-input', '#upload'].map(async (selector) => page.locator(selector).boundingBox()));
    const before = await boxes();
    const pad = before[0]!;
    await page.selectOption('#brush', '3');
    // A stroke of taps down the middle (the touchscreen API taps; it does not drag).
    await translatedAfter(page, async () => {
      for (let step = 0; step <= 12; step++) await page.touchscreen.tap(pad.x + pad.width * (0.45 + step * 0.01), pad.y + pad.height * (0.2 + step * 0.05));
    });
    expect((await canvasStats(page, '#model-input')).colours).toBeGreaterThan(1);
    expect((await canvasStats(page, '#translation')).colours).toBeGreaterThan(1);
    expect(await boxes()).toEqual(before);
    // The three small figures share one row beside or under the pad.
    expect(new Set(before.slice(1, 3).map((box) => Math.round(box!.y))).size).toBe(1);
    await session.screenshot(page, 'gallery-translate-phone');
    await context.close();
  });

  it('is linked from the index and the model page, which shows no sample controls for a translator', async () => {
    const index = await session.open('/');
    expect(await index.locator(`.model-card[data-model="${twoWay.id}"] .page-links a`).allTextContents()).toContain('Translate');
    expect(await index.locator(`.model-card[data-model="${sampler.id}"] .page-links a`).allTextContents()).not.toContain('Translate');
    await session.screenshot(index, 'gallery-index-translators');
    await index.close();

    const page = await session.open(`/model.html?model=${twoWay.id}`);
    for (const hidden of ['#controls', '#panels', '#parity']) expect(await page.isVisible(hidden), hidden).toBe(false);
    expect(await page.isVisible('#interpolation')).toBe(false);
    expect(await page.getAttribute('#translate-link', 'href')).toBe(`/translate.html?model=${twoWay.id}`);
    expect(await page.locator('#model-pages a').allTextContents()).toEqual(['Model', 'Translate']);
    expect(await page.textContent('#model-facts')).toContain(`${twoWay.manifest.translation!.a.name} ${hasTwoWay ? '↔' : '→'} ${twoWay.manifest.translation!.b.name}`);
    await session.screenshot(page, `gallery-model-${twoWay.id}`);
    // Back to a sampling model: its controls return.
    await page.click(`#model-list input[value="${sampler.id}"]`);
    expect(await page.isVisible('#controls')).toBe(true);
    expect(await page.isVisible('#translate-callout')).toBe(false);
    await page.close();
    expect(session.pageErrors).toEqual([]);
  });
});
