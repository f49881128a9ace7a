import path from 'node:path';
import { InputError, describeExecution, now, type TranslationDirection } from '@genzoo/core';
import type { Command } from 'commander';
import { IMAGE_FIT, translateImage } from '../image-file.js';
import { loadModel } from '../load-model.js';
import { writePng } from '../png.js';
import type { CliIo } from './io.js';
import { checkPngOutput } from './output-path.js';
import { parseDeviceFlag, parseIntegerFlag } from './parse-flags.js';

/** Flags of `genzoo translate`, as commander hands them over (strings, validated by {@link runTranslate}). */
export interface TranslateFlags {
  model: string;
  input: string;
  output: string;
  direction: string;
  device: string;
  threads?: string | undefined;
}

const NODE_DEVICES = ['auto', 'cpu', 'cuda'];

function parseDirectionFlag(value: string): TranslationDirection {
  if (value !== 'a2b' && value !== 'b2a') throw new InputError(`--direction must be a2b or b2a, got ${JSON.stringify(value)}`);
  return value;
}

function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/**
 * Translates one image file with an image-to-image model and writes the result as a PNG at the model's size.
 * Every check (flags, output folder, input file, direction) happens before anything is written.
 * @returns the line to print: files, sizes, domains, what ran where and the time taken.
 */
export async function runTranslate(flags: TranslateFlags, io: CliIo): Promise<string> {
  const started = now();
  const direction = parseDirectionFlag(flags.direction);
  const device = parseDeviceFlag('--device', flags.device, NODE_DEVICES);
  const threads = flags.threads === undefined ? undefined : parseIntegerFlag('--threads', flags.threads, 1, 1024);
  const output = await checkPngOutput(flags.output, io.cwd);
  const model = await loadModel(flags.model, { device, threads, cwd: io.cwd, env: io.env });
  try {
    const translated = await translateImage(model, path.resolve(io.cwd, flags.input), { direction, name: flags.input });
    const png = await writePng(translated.image, output);
    const { translation } = model.manifest;
    const [from, to] = direction === 'a2b' ? [translation!.a, translation!.b] : [translation!.b, translation!.a];
    const { original } = translated;
    return (
      `${flags.output}: ${flags.input} (${original.width}x${original.height} ${original.format}, fitted to ${png.width}x${png.height} by ${IMAGE_FIT}) ` +
      `translated ${from.name} → ${to.name} by ${model.id}, ${png.width}x${png.height} px, ${png.bytes} B; ${describeExecution(translated.result.execution)}; ` +
      `translate ${formatMs(translated.result.timeMs)}, total ${formatMs(now() - started)}`
    );
  } finally {
    await model.dispose();
  }
}

/** Adds `genzoo translate` to `program`. */
export function addTranslateCommand(program: Command, io: CliIo): void {
  program
    .command('translate')
    .description('translate an image with an image-to-image model (pix2pix, CycleGAN) and write the result as a PNG')
    .requiredOption('-m, --model <id|folder>', 'translator id (looked up in $GENZOO_MODELS, then models/ here and above) or model folder')
    .requiredOption('-i, --input <image>', 'image to translate: PNG, JPEG, WebP, GIF, TIFF or AVIF, any size and colour; fitted inside the model\'s size on black')
    .requiredOption('-o, --output <file.png>', 'PNG file to write, at the model\'s size')
    .option('--direction <a2b|b2a>', 'a2b (domain A to B), or b2a for two-way models such as CycleGAN', 'a2b')
    .option('-d, --device <device>', 'auto, cpu or cuda (cuda falls back to cpu, saying why)', 'auto')
    .option('--threads <count>', 'onnxruntime intra-op threads (default: $GENZOO_THREADS, else one per core)')
    .action(async (flags: TranslateFlags) => {
      io.stdout(`${await runTranslate(flags, io)}\n`);
    });
}
