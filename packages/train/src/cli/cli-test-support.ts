import { mkdirSync } from 'node:fs';
import sharp from 'sharp';
import { afterEach, beforeEach, expect, vi, type MockInstance } from 'vitest';

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
