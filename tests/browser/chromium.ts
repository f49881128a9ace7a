import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium; override with CHROMIUM_PATH. Playwright's own browser downloads are not used. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for headless WebGPU without a GPU: SwiftShader's Vulkan implementation backs the adapter.
 * `navigator.gpu` still only exists in secure contexts, so pages must come from http://127.0.0.1.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-webgpu-adapter=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches headless Chromium; throws (never skips) when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `browser tests need Chromium at ${CHROMIUM_PATH}, which is missing: install it with ` +
        '`apt-get install -y --no-install-recommends chromium` (or set CHROMIUM_PATH)',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * How long a page's waits and actions may take. Playwright's default is 30 s; a WebGPU round through SwiftShader
 * takes 15–20 s on two idle cores and more on a busy machine, and these tests check results, not speed
 * (`npm run bench` measures that).
 */
export const PAGE_WAIT_MS = 120_000;

/** `page` with {@link PAGE_WAIT_MS} as the default timeout of its waits and actions. */
export function patientPage(page: Page): Page {
  page.setDefaultTimeout(PAGE_WAIT_MS);
  return page;
}
