import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, patientPage } from '../browser/chromium.js';
import { startGallery, type GalleryServer } from './gallery-server.js';
import { TEST_OUTPUT } from './test-models.js';

/** A phone's viewport (iPhone 12–15) for the narrow-layout checks. */
export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

export interface GallerySession {
  server: GalleryServer;
  browser: Browser;
  /** Uncaught errors of every page opened through {@link GallerySession.open}. */
  pageErrors: string[];
  /** Opens `path` in a fresh page and waits for `body[data-ready]`. */
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Saves a full-page screenshot as test-output/<name>.png. */
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts the built gallery on `modelLocations` and a headless Chromium to look at it. */
export async function openGallerySession(modelLocations: readonly string[]): Promise<GallerySession> {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  const server = await startGallery(modelLocations);
  const browser = await launchChromium();
  const pageErrors: string[] = [];
  return {
    server,
    browser,
    pageErrors,
    async open(path, viewport = DESKTOP) {
      const page = patientPage(await browser.newPage({ viewport }));
      page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
      await page.goto(`${server.url}${path}`);
      await page.waitForSelector('body[data-ready="true"]');
      return page;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(TEST_OUTPUT, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

/** What a canvas holds: its size, how many distinct colours, and a cheap fingerprint of its pixels. */
export interface CanvasStats {
  width: number;
  height: number;
  colours: number;
  fingerprint: number;
}

export function canvasStats(page: Page, selector: string): Promise<CanvasStats> {
  return page.$eval(selector, (canvas) => {
    const element = canvas as HTMLCanvasElement;
    const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
    const colours = new Set<number>();
    let fingerprint = 0;
    for (let index = 0; index < data.length; index += 4) {
      const colour = (data[index]! << 16) | (data[index + 1]! << 8) | data[index + 2]!;
      colours.add(colour);
      fingerprint = (fingerprint * 31 + colour) >>> 0;
    }
    return { width: element.width, height: element.height, colours: colours.size, fingerprint };
  });
}

/** True when the page scrolls sideways: content wider than the viewport. */
export function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** Presses Tab until `selector` has focus (at most `limit` times); fails when it never does. */
export async function tabTo(page: Page, selector: string, limit = 60): Promise<void> {
  for (let step = 0; step < limit; step++) {
    if (await page.$eval(selector, (element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} never got focus in ${limit} Tab presses`);
}
