import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { copyFixture, makeTempDir, removeTempDir, TRANSLATOR_FIXTURE } from '../../test-support/fixture.js';
import { imageFileToTensor, readImageAt } from '../image-file.js';
import { loadModel } from '../load-model.js';
import { expectOneLineError, runGenzoo, type CliRun } from '../../test-support/cli.js';

type Run = CliRun;

let root: string;

function genzoo(argv: string[], env: Record<string, string> = {}): Promise<Run> {
  return runGenzoo(argv, root, env);
}

/** Raw RGBA pixels of a PNG. */
async function pixels(file: string): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(path.join(root, file)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** A 28×28 grey PNG of a white vertical bar on black: what the fixture's a2b thickens. */
async function bar(): Promise<Buffer> {
  const grey = Buffer.alloc(28 * 28);
  for (let y = 6; y < 22; y++) grey[y * 28 + 14] = 255;
  return sharp(grey, { raw: { width: 28, height: 28, channels: 1 } }).png().toBuffer();
}

beforeAll(async () => {
  root = await makeTempDir();
  const models = path.join(root, 'models');
  await mkdir(models);
  await copyFixture(models, 'tiny-translator', undefined, TRANSLATOR_FIXTURE);
  await copyFixture(models, 'tiny-vae');
  await copyFixture(models, 'one-way', async ({ manifest, writeManifest }) => {
    manifest.id = 'one-way';
    delete manifest.graphs.b2a;
    await writeManifest(manifest);
  }, TRANSLATOR_FIXTURE);
  await writeFile(path.join(root, 'bar.png'), await bar());
  // Odd size, colour, JPEG: a red bar on a blue field, 45×30.
  await writeFile(
    path.join(root, 'wide.jpg'),
    await sharp({ create: { width: 45, height: 30, channels: 3, background: { r: 20, g: 30, b: 160 } } })
      .composite([{ input: { create: { width: 6, height: 24, channels: 3, background: { r: 250, g: 20, b: 20 } } }, left: 20, top: 3 }])
      .jpeg()
      .toBuffer(),
  );
  // Transparent WebP, tall: a white disc on nothing.
  await writeFile(
    path.join(root, 'tall.webp'),
    await sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="90"><circle cx="20" cy="45" r="12" fill="white"/></svg>')).webp({ lossless: true }).toBuffer(),
  );
  await writeFile(path.join(root, 'empty.png'), '');
  await writeFile(path.join(root, 'garbage.png'), 'this is not an image at all, just some text\n'.repeat(4));
  await writeFile(path.join(root, 'truncated.png'), (await bar()).subarray(0, 60));
  await mkdir(path.join(root, 'a-folder'));
});
afterAll(() => removeTempDir(root));

describe('genzoo translate', () => {
  it('translates a grey PNG at the model size exactly as the library does, and says what it did', async () => {
    const run = await genzoo(['translate', '--model', 'tiny-translator', '-i', 'bar.png', '-o', 'thick.png', '--device', 'cpu']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^thick\.png: bar\.png \(28x28 png, fitted to 28x28 by contain\) translated strokes → thick-strokes by tiny-translator, 28x28 px, \d+ B; onnxruntime-node on cpu; translate [\d.]+ ms, total [\d.]+ ms\n$/,
    );
    const written = await pixels('thick.png');
    expect([written.width, written.height]).toEqual([28, 28]);
    // The bar is one pixel wide; a2b widens it to three (soft dilation), so column 13 and 15 light up.
    const at = (x: number, y: number) => written.data[(y * 28 + x) * 4]!;
    expect([at(12, 14), at(13, 14), at(14, 14), at(15, 14), at(16, 14)].map((value) => value > 128)).toEqual([false, true, true, true, false]);
    const model = await loadModel(path.join(root, 'models', 'tiny-translator'), { device: 'cpu' });
    try {
      const input = await imageFileToTensor(path.join(root, 'bar.png'), model.manifest);
      expect(input.dims).toEqual([1, 1, 28, 28]);
      expect(Math.max(...input.data)).toBe(1);
      const expected = model.toRgba(await model.translate(input))[0]!;
      expect(Buffer.from(expected.data).equals(written.data)).toBe(true);
    } finally {
      await model.dispose();
    }
  });

  it('takes inputs of any size, format and colour, fitted inside the model size on black', async () => {
    const wide = await genzoo(['translate', '-m', 'tiny-translator', '-i', 'wide.jpg', '-o', 'wide.png']);
    expect(wide.code, wide.stderr).toBe(0);
    expect(wide.stdout).toContain('wide.jpg (45x30 jpeg, fitted to 28x28 by contain)');
    const tall = await genzoo(['translate', '-m', 'tiny-translator', '-i', 'tall.webp', '-o', 'tall.png', '--direction', 'b2a', '--threads', '1']);
    expect(tall.code, tall.stderr).toBe(0);
    expect(tall.stdout).toContain('tall.webp (40x90 webp, fitted to 28x28 by contain) translated thick-strokes → strokes by tiny-translator');
    for (const file of ['wide.png', 'tall.png']) expect((await sharp(path.join(root, file)).metadata()).width).toBe(28);

    // contain: 45×30 → 28×19 centred, black bands above and below; the blue field reads as dark grey by luminance.
    const fitted = await readImageAt(path.join(root, 'wide.jpg'), { width: 28, height: 28 });
    const pixel = (x: number, y: number) => Array.from(fitted.image.data.subarray((y * 28 + x) * 4, (y * 28 + x) * 4 + 4));
    expect(pixel(0, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(2, 14)[2]).toBeGreaterThan(120);
    // Transparency is flattened onto black: the tall image's corners are black, its disc white.
    const disc = await readImageAt(path.join(root, 'tall.webp'), { width: 28, height: 28 });
    expect(Array.from(disc.image.data.subarray(0, 4))).toEqual([0, 0, 0, 255]);
    expect(disc.image.data[(14 * 28 + 14) * 4]).toBe(255);
  });

  it('reads bytes as well as files', async () => {
    const fitted = await readImageAt(await readFile(path.join(root, 'bar.png')), { width: 28, height: 28 });
    expect(fitted.original).toEqual({ width: 28, height: 28, format: 'png' });
    await expect(readImageAt(new Uint8Array(0), { width: 28, height: 28 })).rejects.toThrow('the image is empty');
  });

  const translate = (...args: string[]) => ['translate', '--model', 'tiny-translator', '-i', 'bar.png', '-o', 'out.png', ...args];
  const with_ = (flag: string, value: string) => translate().map((arg, index, all) => (all[index - 1] === flag ? value : arg));
  const badInputs: [string, string[], string | RegExp][] = [
    ['a missing input file', with_('-i', 'nope.png'), 'cannot read nope.png: it does not exist'],
    ['an input folder', with_('-i', 'a-folder'), 'cannot read a-folder: it is a folder'],
    ['an empty input file', with_('-i', 'empty.png'), 'empty.png is empty: expected a PNG, JPEG or WebP image'],
    ['an input that is not an image', with_('-i', 'garbage.png'), 'garbage.png is not an image in a format this can read'],
    ['a truncated PNG', with_('-i', 'truncated.png'), /^genzoo: truncated\.png cannot be decoded: /],
    ['a model that is not a translator', with_('--model', 'tiny-vae'), /model "tiny-vae" cannot translate a2b: it ships no graph for it \(it can: sample, decode/],
    ['b2a on a one-way model', [...with_('--model', 'one-way'), '--direction', 'b2a'], 'model "one-way" cannot translate b2a: it ships no graph for it (it can: translate a2b)'],
    ['a bad direction', translate('--direction', 'sideways'), '--direction must be a2b or b2a, got "sideways"'],
    ['an output that is not a PNG', with_('-o', 'out.jpg'), 'output must be a .png file, got "out.jpg"'],
    ['an output folder that does not exist', with_('-o', 'no/such/out.png'), 'cannot write no/such/out.png: folder no/such: it does not exist'],
    ['an unknown model', with_('--model', 'nope'), /unknown model "nope": known models: .*tiny-translator/],
    ['a browser device', translate('--device', 'wasm'), 'device "wasm" is a browser device'],
    ['zero threads', translate('--threads', '0'), '--threads must be an integer from 1 to 1024, got "0"'],
    ['a missing input flag', ['translate', '--model', 'tiny-translator', '-o', 'out.png'], "required option '-i, --input <image>' not specified"],
  ];

  for (const [name, argv, message] of badInputs) {
    it(`rejects ${name} with one line, a non-zero exit and nothing written`, async () => {
      const run = await genzoo(argv);
      expectOneLineError(run, message);
      for (const output of ['out.png', 'out.jpg']) expect(existsSync(path.join(root, output)), output).toBe(false);
    });
  }

  it('is listed in the help, and sample points translators to it', async () => {
    expect((await genzoo(['--help'])).stdout).toMatch(/translate \[options\]\s+translate an image/);
    const sample = await genzoo(['sample', '-m', 'tiny-translator', '-o', 'grid.png']);
    expect(sample.stderr).toBe('genzoo: tiny-translator is an image-to-image translator: it has nothing to sample; use `genzoo translate`\n');
  });
});
