import { InputError, MAX_SAMPLES, MAX_SEED, describeExecution, now, scatterPlot, type Generator } from '@genzoo/core';
import type { Command } from 'commander';
import { loadModel } from '../load-model.js';
import { writePng, writeSampleGrid } from '../png.js';
import type { CliIo } from './io.js';
import { checkPngOutput } from './output-path.js';
import { parseClassListFlag, parseDeviceFlag, parseIntegerFlag, parseTruncationFlag } from './parse-flags.js';

/** Flags of `genzoo sample`, as commander hands them over (strings, validated by {@link runSample}). */
export interface SampleFlags {
  model: string;
  /** `-n`: number of samples. */
  count: string;
  seed: string;
  truncation?: string | undefined;
  /** `--class`: class numbers for conditional models, cycled over the samples. */
  class?: string | undefined;
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

/** Labels for `--class` on a conditional model: the listed classes, cycled over `n` samples. */
function labelsFor(model: Generator, value: string | undefined, n: number): number[] | undefined {
  if (value === undefined) return undefined;
  const label = model.manifest.graphs.generator?.inputs.find((spec) => spec.role === 'label');
  if (!label) throw new InputError(`--class needs a class-conditional model; ${model.id} takes no class`);
  const classes = parseClassListFlag('--class', value, Number(label.shape[1]));
  return Array.from({ length: n }, (_, index) => classes[index % classes.length]!);
}

/** Draws `n` points of a 2-D model as a scatter plot. */
async function samplePointsPlot(model: Generator, n: number, seed: number, output: string, started: number, shownPath: string): Promise<string> {
  const result = await model.samplePoints({ n, seed });
  if (result.points.dims[1] !== 2) throw new InputError(`${model.id} draws ${result.points.dims[1]}-D points; only 2-D points can be plotted`);
  const plot = await writePng(scatterPlot([{ points: result.points, color: [20, 90, 200, 200] }]), output);
  return (
    `${shownPath}: ${n} points of ${model.id} (seed ${seed}) as a ${plot.width}x${plot.height} px scatter plot, ${formatBytes(plot.bytes)}; ` +
    `${describeExecution(result.execution)}; sampling ${formatMs(result.timeMs)}, total ${formatMs(now() - started)}`
  );
}

/**
 * Samples `n` images and writes them as one PNG grid (models of 2-D points: a scatter plot).
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
    const { latent } = model.manifest;
    if (!latent) throw new InputError(`${model.id} is an image-to-image translator: it has nothing to sample; use \`genzoo translate\``);
    if (truncation !== undefined && latent.distribution !== 'normal') {
      throw new InputError(`--truncation needs normal latents; model ${model.id} draws ${latent.distribution} latents`);
    }
    if (model.manifest.points) {
      if (truncation !== undefined || flags.class !== undefined) throw new InputError(`${model.id} draws points: --truncation and --class do not apply`);
      return await samplePointsPlot(model, n, seed, output, started, flags.output);
    }
    const labels = labelsFor(model, flags.class, n);
    const result = await model.sample({ n, seed, truncation, labels });
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
    .option('--class <list>', 'class-conditional models: class numbers, comma-separated, cycled over the samples (e.g. 3, or 0,1,2)')
    .option('-d, --device <device>', 'auto, cpu or cuda (cuda falls back to cpu, saying why)', 'auto')
    .option('-c, --columns <count>', 'images per grid row (default: a square grid)')
    .option('--threads <count>', 'onnxruntime intra-op threads (default: $GENZOO_THREADS, else one per core)')
    .action(async (flags: SampleFlags) => {
      io.stdout(`${await runSample(flags, io)}\n`);
    });
}
