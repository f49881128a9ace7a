import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi, type MockInstance } from 'vitest';

/**
 * Silences console output for each test and returns an accessor for what went to `console.error`,
 * so CLI tests can check that a failure printed exactly one line.
 */
export function captureCliOutput(): { oneLine(pattern: RegExp): void; errors(): MockInstance } {
  let errors: MockInstance | undefined;
  beforeEach(() => {
    errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'log').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return {
    errors: () => errors!,
    oneLine(pattern: RegExp): void {
      const lines = errors!.mock.calls.map((call) => String(call[0]));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^genzoo-train: /);
      expect(lines[0]).toMatch(pattern);
      expect(lines[0]).not.toContain('\n');
    },
  };
}

/** Writes `count` flat grey PNGs of `width`×`height` into `folder`, a small image-folder dataset. */
export async function writeGreyImages(folder: string, count: number, width: number, height: number): Promise<void> {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    await sharp(Buffer.alloc(width * height, (i * 20) % 256), { raw: { width, height, channels: 1 } }).png().toFile(`${folder}/img-${i}.png`);
  }
}

/** A CLI test's scratch folder: a dataset cache, a small image-folder dataset, and per-run flags. */
export interface TrainCliScratch {
  scratch: string;
  cacheDir: string;
  /** A folder of 12 grey PNGs of the given size, written before the tests. */
  images: string;
  /** Flags that keep a run quiet and quick, with its run dir `name` inside the scratch folder. */
  out(name: string): string[];
}

/** Makes a scratch folder for the file's CLI tests, removed after them. */
export function trainCliScratch(prefix: string, imageFolder = 'images', [width, height] = [28, 28]): TrainCliScratch {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  const images = join(scratch, imageFolder);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  beforeAll(() => writeGreyImages(images, 12, width, height));
  return {
    scratch,
    cacheDir: join(scratch, 'cache'),
    images,
    out: (name) => ['--run-dir', join(scratch, name), '--backend', 'wasm', '--no-progress', '--sample-every', '0'],
  };
}
