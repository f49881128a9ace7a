import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { convertLayersModel } from '../convert/convert-layers-model.js';
import { UnsupportedLayersError } from '../convert/errors.js';
import { registerAllLayerConverters } from '../layers/register-all.js';
import { MAX_OPSET, MIN_OPSET, PRODUCER_VERSION } from '../version.js';
import '../zoo-layers/index.js';
import { CliError, firstLine } from './cli-error.js';
import { processIo, type CliIo } from './cli-io.js';
import { formatReport } from './format-report.js';
import { buildLayersModel } from './load-model.js';
import { readModelFiles } from './model-files.js';
import { checkParity } from './parity-check.js';
import { unconvertibleLayers } from './topology-scan.js';

interface ExportFlags {
  output: string;
  opset?: number;
  fp16?: boolean;
  layout: 'nchw' | 'nhwc';
  check?: boolean;
}

/** Commander codes that end a run without an error (help was printed). */
const QUIET_EXITS = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

function parseOpset(value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < MIN_OPSET || n > MAX_OPSET) {
    throw new InvalidArgumentError(`must be an integer from ${MIN_OPSET} to ${MAX_OPSET}`);
  }
  return n;
}

function buildProgram(io: CliIo, action: (model: string, flags: ExportFlags) => Promise<void>): Command {
  return new Command('genzoo export')
    .description('Convert a saved TensorFlow.js Layers model (model.json + weight shards, tfjs or Keras topology) to ONNX')
    .argument('<model>', 'model.json, or a folder containing one')
    .requiredOption('-o, --output <file>', 'ONNX file to write')
    .option('--opset <n>', `ai.onnx opset, ${MIN_OPSET}–${MAX_OPSET} (default: the newest both onnxruntime-node and -web run)`, parseOpset)
    .option('--fp16', 'store weights as float16 (about half the file; computation stays float32)')
    .addOption(new Option('--layout <layout>', 'layout of 4-D image inputs and outputs').choices(['nchw', 'nhwc']).default('nchw'))
    .option('--check', 'compare with tfjs on random inputs through onnxruntime-node')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .action(action);
}

async function exportModel(io: CliIo, modelPath: string, flags: ExportFlags): Promise<number> {
  const files = await readModelFiles(resolve(io.cwd, modelPath));
  const missing = unconvertibleLayers(files.artifacts.modelTopology);
  if (missing.length > 0) {
    const list = missing.map((i) => `${i.layerName} (${i.className})`).join(', ');
    throw new CliError(`${missing.length} layer(s) in ${files.modelJsonPath} have no ONNX converter: ${list}`);
  }
  const model = await buildLayersModel(files);
  const weightType = flags.fp16 ? 'float16' : 'float32';
  const started = performance.now();
  const conversion = convertLayersModel(model, {
    ...(flags.opset !== undefined ? { opset: flags.opset } : {}),
    weightType,
    imageLayout: flags.layout === 'nhwc' ? 'NHWC' : 'NCHW',
    metadata: {
      converter: `@genzoo/tfjs-onnx ${PRODUCER_VERSION}`,
      ...(files.artifacts.generatedBy ? { tfjs_generated_by: files.artifacts.generatedBy } : {}),
    },
  });
  const exportMs = performance.now() - started;
  const output = resolve(io.cwd, flags.output);
  try {
    await mkdir(dirname(output), { recursive: true });
    await writeFile(output, conversion.bytes);
  } catch (error) {
    throw new CliError(`cannot write ${output}: ${firstLine((error as Error).message)}`);
  }
  const parity = flags.check ? await checkParity(model, conversion, flags.fp16 === true) : undefined;
  const show = (p: string): string => (relative(io.cwd, p).startsWith('..') ? p : relative(io.cwd, p) || p);
  io.stdout(
    formatReport({
      source: show(files.modelJsonPath),
      output: show(output),
      conversion,
      weightType,
      rawWeightBytes: files.weightBytes,
      exportMs,
      ...(parity ? { parity } : {}),
    }),
  );
  model.dispose();
  if (parity && !parity.ok) {
    io.stderr(`genzoo export: parity check failed: rel L2 ${parity.relL2.toExponential(2)} exceeds ${parity.tolerance}\n`);
    return 1;
  }
  return 0;
}

/**
 * `genzoo export <model.json or folder> -o model.onnx [--opset N] [--fp16] [--layout nchw|nhwc] [--check]`.
 * `argv` is what follows `export`. Never throws: problems become one line on stderr and exit code 1.
 */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  registerAllLayerConverters();
  let code = 0;
  try {
    const program = buildProgram(io, async (model, flags) => {
      code = await exportModel(io, model, flags);
    });
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (QUIET_EXITS.has(error.code)) return 0;
      io.stderr(`genzoo export: ${error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim()}\n`);
      return error.exitCode || 1;
    }
    if (error instanceof CliError || error instanceof UnsupportedLayersError) {
      io.stderr(`genzoo export: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 1;
    }
    io.stderr(`genzoo export: unexpected error: ${firstLine((error as Error)?.message ?? String(error))}\n`);
    if (process.env['GENZOO_DEBUG'] && error instanceof Error) io.stderr(`${error.stack}\n`);
    return 1;
  }
}
