import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, canvasStats, openGallerySession, overflowsHorizontally, tabTo, type GallerySession } from '../helpers/gallery-browser.js';
import { testModels } from '../helpers/test-models.js';

const all = testModels();
/** A conditional image model (a `label` input): it has every control of the page. */
const conditional = all.find((model) => model.manifest.image && model.manifest.graphs.generator!.inputs.some((input) => input.role === 'label'));
const points = all.find((model) => model.manifest.points);

describe('the model page', () => {
  let session: GallerySession;

  beforeAll(async () => {
    if (!conditional || !points) throw new Error('the model page test needs a conditional image model (e.g. cvae-mnist) and a points model in models/');
    session = await openGallerySession([conditional.folder, points.folder]);
  });
  afterAll(() => session?.close());

  it('samples one class with truncation on the runtimes chosen, all by keyboard, with parity badges', async () => {
    const page = await session.open(`/model.html?model=${conditional!.id}`);
    expect(await page.isVisible('#truncation')).toBe(true);
    expect(await page.locator('#class option').count()).toBe(11);

    await tabTo(page, '#class');
    for (let step = 0; step < 4; step++) await page.keyboard.press('ArrowDown');
    expect(await page.inputValue('#class')).toBe('3');
    await tabTo(page, '#truncation');
    await page.keyboard.press('ArrowDown');
    expect(await page.inputValue('#truncation')).toBe('2');
    await tabTo(page, '#runtimes input[value="server"]');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#runtimes input[value="server"]')).toBe(false);
    await tabTo(page, '#generate');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#parity[data-state="done"]');
    expect(await page.getAttribute('#panel-server', 'data-state')).toBe('off');
    for (const panel of ['webgpu', 'wasm']) {
      expect(await page.getAttribute(`#panel-${panel}`, 'data-state')).toBe('done');
      expect(await page.textContent(`#panel-${panel} .badge`)).toMatch(/^✓ Δ [01]\/255$/);
      expect(await page.textContent(`#panel-${panel} .stats`)).toMatch(/\d ms/);
    }
    expect(await page.textContent('#parity')).toMatch(/^Parity \(max pixel difference\): WebGPU ↔ WASM [01]\/255 — runtimes agree$/);
    expect((await canvasStats(page, '#panel-wasm canvas')).colours).toBeGreaterThan(10);

    // The server draws the same class and truncation: its grid must match the browsers'.
    await page.check('#runtimes input[value="server"]');
    await page.click('#generate');
    await page.waitForSelector('#parity[data-state="done"]');
    for (const panel of ['server', 'webgpu', 'wasm']) expect(await page.getAttribute(`#panel-${panel}`, 'data-state')).toBe('done');
    expect(await page.textContent('#parity')).toMatch(/runtimes agree$/);
    expect(await page.getAttribute('#panel-server img', 'alt')).toContain('class 3, truncation 2');
    await session.screenshot(page, `gallery-model-${conditional!.id}`);
    await page.close();
  });

  it('animates a latent interpolation, which the keyboard can pause and step', async () => {
    const page = await session.open(`/model.html?model=${conditional!.id}`);
    await page.waitForSelector('#play:not([disabled])');
    const first = await canvasStats(page, '#interpolation-canvas');
    expect(first.colours).toBeGreaterThan(10);
    await page.waitForFunction((before) => document.querySelector('#frame-value')!.textContent !== before, await page.textContent('#frame-value'));
    expect(await page.getAttribute('#play', 'aria-pressed')).toBe('true');

    await tabTo(page, '#play');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#play', 'aria-pressed')).toBe('false');
    await tabTo(page, '#frame');
    await page.keyboard.press('Home');
    const start = await canvasStats(page, '#interpolation-canvas');
    expect(await page.textContent('#frame-value')).toBe('1/32');
    await page.keyboard.press('End');
    expect(await page.textContent('#frame-value')).toBe('32/32');
    expect((await canvasStats(page, '#interpolation-canvas')).fingerprint).not.toBe(start.fingerprint);
    await page.close();
  });

  it('renders the model card and every figure, the memorization check included', async () => {
    const page = await session.open(`/model.html?model=${conditional!.id}`);
    await page.click('#card summary');
    await page.waitForSelector('#card-body h1');
    expect(await page.textContent('#card-body h1')).toBe(conditional!.manifest.name);
    expect(await page.locator('#card-body table').count()).toBeGreaterThan(0);
    expect(await page.locator('#card-body script').count()).toBe(0);
    const expected = 1 + Object.keys(conditional!.manifest.files.figures ?? {}).length + (existsSync(join(conditional!.folder, 'memorization.png')) ? 1 : 0);
    expect(await page.locator('#figures figure').count()).toBe(expected);
    if (existsSync(join(conditional!.folder, 'memorization.png'))) {
      expect(await page.locator('#figures figcaption').allTextContents()).toContainEqual(expect.stringMatching(/^Memorization check/));
    }
    await page.locator('#figures img').last().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('#figures img, #card-body img')].every((img) => img.complete && img.naturalWidth > 0));
    await page.close();
  });

  it('offers only the controls a model has: no truncation, class or interpolation for points', async () => {
    const page = await session.open(`/model.html?model=${points!.id}`);
    expect(await page.isVisible('#truncation')).toBe(false);
    expect(await page.isVisible('#class')).toBe(false);
    expect(await page.isVisible('#interpolation')).toBe(false);
    expect(await page.locator('#model-pages a').allTextContents()).toEqual(['Samples', '2-D density']);
    await page.close();
  });

  it('fits a phone screen', async () => {
    const page = await session.open(`/model.html?model=${conditional!.id}`, PHONE);
    await page.click('#generate');
    await page.waitForSelector('#parity[data-state="done"]');
    expect(await overflowsHorizontally(page)).toBe(false);
    await session.screenshot(page, 'gallery-model-phone');
    await page.close();
    expect(session.pageErrors).toEqual([]);
  });
});
