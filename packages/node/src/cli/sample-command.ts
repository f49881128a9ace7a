import { InputError, MAX_SAMPLES, MAX_SEED, describeExecution, now } from '@genzoo/core';
import type { Command } from 'commander';
import { loadModel } from '../load-model.js';
import { writeSampleGrid } from '../png.js';
import type { CliIo } from './io.js';
import { checkPngOutput } from './output-path.js';
import { parseDeviceFlag, parseIntegerFlag, parseTruncationFlag } from './parse-flags.js';

/** Flags of `genzoo sample`, as commander hands them over (strings, validated by {@link runSample}). */
export interface SampleFlags {
  model: string;
  /** `-n`: number of samples. */
  count: string;
  seed: string;
  truncation?: string | undefined;
  device: string;
  columns?: string | undefined;
  threads?: string | undefined;
  output: string;
}

/** Devices `genzoo sample` offers; browser devices get the adapter's explanation. */
const NODE_DEVICES = ['auto', 'cpu', 'cuda'];

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/**
 * Samples `n` images and writes them as one PNG grid.
 * @returns the line to print: file, sizes, what ran where (with any fallback) and the time taken.
 */
export async function runSample(flags: SampleFlags, io: CliIo): Promise<string> {
  const started = now();
  const n = parseIntegerFlag('-n', flags.count, 1, MAX_SAMPLES);
  const seed = parseIntegerFlag('--seed', flags.seed, 0, MAX_SEED);
  const truncation = flags.truncation === undefined ? undefined : parseTruncationFlag('--truncation', flags.truncation);
  const device = parseDeviceFlag('--device', flags.device, NODE_DEVICES);
  const columns = flags.columns === undefined ? undefined : parseIntegerFlag('--columns', flags.columns, 1, MAX_SAMPLES);
  const threads = flags.threads === undefined ? undefined : parseIntegerFlag('--threads', flags.threads, 1, 1024);
  const output = await checkPngOutput(flags.output, io.cwd);

  const model = await loadModel(flags.model, { device, threads, cwd: io.cwd, env: io.env });
  try {
    if (truncation !== undefined && model.manifest.latent.distribution !== 'normal') {
      throw new InputError(`--truncation needs normal latents; model ${model.id} draws ${model.manifest.latent.distribution} latents`);
    }
    const result = await model.sample({ n, seed, truncation });
    const grid = await writeSampleGrid(model.toRgba(result), output, columns === undefined ? {} : { columns });
    const perRow = columns ?? Math.ceil(Math.sqrt(n));
    const rows = Math.ceil(n / perRow);
    return (
      `${flags.output}: ${n} samples of ${model.id} (seed ${seed}${truncation === undefined ? '' : `, truncation ${truncation}`}) ` +
      `in ${rows} row${rows === 1 ? '' : 's'} of ${perRow}, ${grid.width}x${grid.height} px, ${formatBytes(grid.bytes)}; ${describeExecution(result.execution)}; ` +
      `sampling ${formatMs(result.timeMs)}, total ${formatMs(now() - started)}`
    );
  } finally {
    await model.dispose();
  }
}

/** Adds `genzoo sample` to `program`. */
export function addSampleCommand(program: Command, io: CliIo): void {
  program
    .command('sample')
    .description('draw samples from a model and write them as a PNG grid')
    .requiredOption('-m, --model <id|folder>', 'model id (looked up in $GENZOO_MODELS, then models/ here and above) or model folder')
    .requiredOption('-o, --output <file.png>', 'PNG file to write')
    .option('-n, --count <n>', `number of samples, 1 to ${MAX_SAMPLES}`, '64')
    .option('-s, --seed <seed>', `random seed, 0 to ${MAX_SEED}`, '0')
    .option('-t, --truncation <threshold>', 'truncate normal latents to [-threshold, threshold] (the truncation trick)')
    .option('-d, --device <device>', 'auto, cpu or cuda (cuda falls back to cpu, saying why)', 'auto')
    .option('-c, --columns <count>', 'images per grid row (default: a square grid)')
    .option('--threads <count>', 'onnxruntime intra-op threads (default: $GENZOO_THREADS, else one per core)')
    .action(async (flags: SampleFlags) => {
      io.stdout(`${await runSample(flags, io)}\n`);
    });
}
