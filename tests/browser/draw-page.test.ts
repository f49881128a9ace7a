import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, canvasStats, openGallerySession, overflowsHorizontally, tabTo, type GallerySession } from '../helpers/gallery-browser.js';
import { testModels, type TestModel } from '../helpers/test-models.js';
import { patientPage } from './chromium.js';

const encoders = testModels().filter((model) => model.manifest.image && model.manifest.graphs.encoder && !model.manifest.mixture);
const conditional = encoders.find((model) => model.manifest.graphs.encoder!.inputs.some((input) => input.role === 'label'));
const plain = encoders.find((model) => model !== conditional && model.manifest.image!.width === 28);

/** Strokes a "7" across the pad with the mouse. */
async function drawSeven(page: Page): Promise<void> {
  const box = (await page.locator('#pad').boundingBox())!;
  const at = (fx: number, fy: number) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(0.25, 0.2));
  await page.mouse.down();
  for (const [fx, fy] of [[0.5, 0.2], [0.75, 0.2], [0.62, 0.5], [0.5, 0.8]] as const) await page.mouse.move(...at(fx, fy), { steps: 6 });
  await page.mouse.up();
}

async function reconstructionAfter(page: Page, action: () => Promise<void>): Promise<number> {
  // The page reconstructs the empty pad once on load; compare against that, not the blank canvas.
  await page.waitForSelector('#reconstruction[data-ready="true"]');
  const before = (await canvasStats(page, '#reconstruction')).fingerprint;
  await action();
  await page.waitForFunction(async (previous) => {
    const canvas = document.querySelector<HTMLCanvasElement>('#reconstruction')!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let fingerprint = 0;
    for (let index = 0; index < data.length; index += 4) fingerprint = (fingerprint * 31 + ((data[index]! << 16) | (data[index + 1]! << 8) | data[index + 2]!)) >>> 0;
    return fingerprint !== previous;
  }, before);
  return (await canvasStats(page, '#reconstruction')).fingerprint;
}

describe('the draw page', () => {
  let session: GallerySession;
  const models = [plain, conditional].filter((model): model is TestModel => model !== undefined);

  beforeAll(async () => {
    if (!plain || !conditional) throw new Error('the draw test needs an unconditional 28×28 encoder model (e.g. vae-mnist) and a conditional one (e.g. cvae-mnist) in models/');
    session = await openGallerySession(models.map((model) => model.folder));
  });
  afterAll(() => session?.close());

  it('reconstructs a digit drawn with the mouse, live', async () => {
    const page = await session.open(`/draw.html?model=${plain!.id}`);
    expect(await page.isVisible('#class')).toBe(false);
    await reconstructionAfter(page, () => drawSeven(page));
    expect((await canvasStats(page, '#model-input')).colours).toBeGreaterThan(5);
    expect((await canvasStats(page, '#reconstruction')).colours).toBeGreaterThan(10);
    expect(await page.textContent('#reconstruct-time')).toMatch(/wasm, [\d.]+ ms/);
    await session.screenshot(page, `gallery-draw-${plain!.id}`);
    await page.close();
  });

  it('works from the keyboard: a sample drawn for you, a class for conditional encoders, clear', async () => {
    const page = await session.open(`/draw.html?model=${conditional!.id}`);
    expect(await page.locator('#class option').count()).toBe(10);
    await tabTo(page, '#sample-digit');
    await reconstructionAfter(page, () => page.keyboard.press('Enter'));
    expect((await canvasStats(page, '#pad')).colours).toBeGreaterThan(10);
    await tabTo(page, '#class');
    await reconstructionAfter(page, () => page.keyboard.press('ArrowDown'));
    expect(await page.inputValue('#class')).toBe('1');
    await session.screenshot(page, `gallery-draw-${conditional!.id}`);
    await tabTo(page, '#clear');
    await page.keyboard.press('Enter');
    expect((await canvasStats(page, '#pad')).colours).toBe(1);
    await page.close();
  });

  it('fits a phone screen, and takes touch', async () => {
    const context = await session.browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    const page = patientPage(await context.newPage());
    await page.goto(`${session.server.url}/draw.html?model=${plain!.id}`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await overflowsHorizontally(page)).toBe(false);
    const box = (await page.locator('#pad').boundingBox())!;
    await reconstructionAfter(page, () => page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2));
    expect((await canvasStats(page, '#pad')).colours).toBeGreaterThan(1);
    expect((await canvasStats(page, '#model-input')).colours).toBeGreaterThan(1);
    await session.screenshot(page, 'gallery-draw-phone');
    await context.close();
    expect(session.pageErrors).toEqual([]);
  });
});
