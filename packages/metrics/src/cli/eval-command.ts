import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isClassifierManifest, isGenzooError, MAX_SEED, parseModelManifestText, type Device } from '@genzoo/core';
import { processIo, resolveModelFolder, type CliIo } from '@genzoo/node';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { compareFigures } from '../evaluate/check.js';
import { evaluateModel, type EvaluateOptions, type EvaluationOutcome } from '../evaluate/evaluate-model.js';
import { POINT_PROTOCOL } from '../evaluate/point-protocol.js';
import { BASELINE, PROTOCOL, REFERENCE_FIGURES, REFERENCE_ROWS } from '../evaluate/protocol.js';
import { describeProtocol, FIGURE_LABELS, figureNames, formatFigure } from '../evaluate/render.js';
import { evaluateTruncationCurve, TRUNCATION_CURVE_SAMPLES, TRUNCATION_CURVE_THRESHOLDS } from '../evaluate/truncation-curve.js';
import { writeEvaluation } from '../evaluate/write-results.js';
import { writeTruncationCurve } from '../evaluate/write-truncation-curve.js';
import { truncationThreshold } from './truncation-flag.js';

interface EvalFlags {
  model: string;
  n?: number;
  seed?: number;
  check?: boolean;
  truncation?: number;
  truncationCurve?: boolean;
  device: Device;
  threads?: number;
}

const QUIET_EXITS = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

function integer(min: number, max: number) {
  return (value: string): number => {
    const parsed = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) throw new InvalidArgumentError(`must be an integer from ${min} to ${max}`);
    return parsed;
  };
}

function device(value: string): Device {
  if (!['auto', 'cpu', 'cuda'].includes(value)) throw new InvalidArgumentError('must be one of auto, cpu, cuda');
  return value as Device;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function figureLines(outcome: EvaluationOutcome): string[] {
  const { figures, manifest } = outcome;
  if (isClassifierManifest(manifest)) {
    return REFERENCE_ROWS.map((row) => `  ${row === 'heldOut' ? 'held-out real (floor)  ' : 'uniform noise (ceiling)'}  ${REFERENCE_FIGURES.map((name) => `${name} ${formatFigure(figures[`${row}.${name}`])}`).join('  ')}`);
  }
  if (manifest.translation) {
    const lines = figureNames(manifest, figures).map(
      (name) => `  ${(FIGURE_LABELS[name] ?? name).padEnd(48)} ${formatFigure(figures[name]).padEnd(12)} ${formatFigure(figures[`${BASELINE}${name}`])}`,
    );
    return [`  ${''.padEnd(48)} ${'model'.padEnd(12)} untranslated`, ...lines];
  }
  return figureNames(manifest, figures).map((name) => `  ${(FIGURE_LABELS[name] ?? name).padEnd(48)} ${formatFigure(figures[name])}`);
}

function subject({ manifest, protocol }: EvaluationOutcome): string {
  if (isClassifierManifest(manifest)) return `reference rows of ${manifest.dataset.name}`;
  if (manifest.translation) return `${protocol.n} held-out images, ${manifest.translation.a.name} ${manifest.graphs.b2a ? '↔' : '→'} ${manifest.translation.b.name}`;
  return `${protocol.n} samples`;
}

function timingLine(outcome: EvaluationOutcome): string {
  const s = outcome.seconds;
  if (!isClassifierManifest(outcome.manifest) && outcome.manifest.points) {
    return `time: ${s.total.toFixed(1)} s end to end — sampling ${s.generate.toFixed(1)} s, scoring ${s.metrics.toFixed(1)} s`;
  }
  if (!isClassifierManifest(outcome.manifest) && outcome.manifest.translation) {
    return `time: ${s.total.toFixed(1)} s end to end — translation ${s.generate.toFixed(1)} s, features ${s.features.toFixed(1)} s, metrics ${s.metrics.toFixed(1)} s`;
  }
  return (
    `time: ${s.total.toFixed(1)} s end to end — generation ${s.generate.toFixed(1)} s, features ${s.features.toFixed(1)} s, ` +
    `metrics ${s.metrics.toFixed(1)} s, reference features ${s.reference.toFixed(1)} s (${outcome.referenceCached ? 'cached' : 'extracted'})`
  );
}

async function evaluate(io: CliIo, flags: EvalFlags): Promise<number> {
  const log = (line: string): void => io.stderr(`${line}\n`);
  const common = { cwd: io.cwd, env: io.env, device: flags.device, threads: flags.threads, log };
  const modes = [flags.check && '--check', flags.truncation !== undefined && '--truncation', flags.truncationCurve && '--truncation-curve'].filter(Boolean);
  if (modes.length > 1) {
    io.stderr(`genzoo eval: ${modes.join(' and ')} do not go together\n`);
    return 2;
  }
  if (flags.check) return check(io, flags, common);
  if (flags.truncationCurve) return truncationCurve(io, flags, common);
  if (flags.truncation !== undefined) return truncated(io, flags, common, flags.truncation);
  const outcome = await evaluateModel(flags.model, { ...common, ...(flags.n === undefined ? {} : { n: flags.n }), seed: flags.seed ?? PROTOCOL.seed });
  const files = await writeEvaluation(outcome);
  io.stdout(
    [
      `${outcome.manifest.id}: ${subject(outcome)}`,
      ...figureLines(outcome),
      `protocol: ${describeProtocol(outcome.protocol)}`,
      timingLine(outcome),
      `wrote ${files.map((file) => relative(io.cwd, file) || file).join(', ')}`,
    ].join('\n') + '\n',
  );
  return 0;
}

/** `--truncation t`: the figures of truncated samples, printed only: the manifest's figures stay those of the full prior. */
async function truncated(io: CliIo, flags: EvalFlags, common: EvaluateOptions, truncation: number): Promise<number> {
  const outcome = await evaluateModel(flags.model, { ...common, ...(flags.n === undefined ? {} : { n: flags.n }), seed: flags.seed ?? PROTOCOL.seed, truncation });
  io.stdout(
    [
      `${outcome.manifest.id}: ${subject(outcome)}, latents truncated to [-${truncation}, ${truncation}]`,
      ...figureLines(outcome),
      `protocol: ${describeProtocol(outcome.protocol)}`,
      timingLine(outcome),
      'not recorded: the manifest keeps the figures of the untruncated prior (use --truncation-curve to record a curve)',
    ].join('\n') + '\n',
  );
  return 0;
}

/** `--truncation-curve`: FID, precision and recall at each threshold, written beside the model. */
async function truncationCurve(io: CliIo, flags: EvalFlags, common: EvaluateOptions): Promise<number> {
  const { folder, curve } = await evaluateTruncationCurve(flags.model, { ...common, ...(flags.n === undefined ? {} : { n: flags.n }), seed: flags.seed ?? PROTOCOL.seed });
  const files = await writeTruncationCurve(folder, curve);
  const lines = curve.points.map((point) => `  ${String(point.truncation ?? 'none').padEnd(6)} fid ${formatFigure(point.fid).padEnd(10)} precision ${formatFigure(point.precision).padEnd(8)} recall ${formatFigure(point.recall)}`);
  io.stdout(
    [`${curve.model}: truncation curve, ${curve.n} samples per threshold (seed ${curve.seed})`, ...lines, `time: ${curve.seconds} s`, `wrote ${files.map((file) => relative(io.cwd, file) || file).join(', ')}`].join('\n') + '\n',
  );
  return 0;
}

async function check(io: CliIo, flags: EvalFlags, common: EvaluateOptions): Promise<number> {
  const folder = await resolveModelFolder(flags.model, { cwd: io.cwd, env: io.env });
  const recorded = parseModelManifestText(await readFile(join(folder, 'manifest.json'), 'utf8'), join(folder, 'manifest.json'));
  if (!recorded.evaluation) {
    io.stderr(`genzoo eval: ${recorded.id} has no recorded evaluation to check; run genzoo eval --model ${flags.model} first\n`);
    return 2;
  }
  const protocol = recorded.evaluation;
  if (flags.n !== undefined && flags.n !== protocol.n) io.stderr(`note: --check uses the recorded n = ${protocol.n}, not ${flags.n}\n`);
  if (flags.seed !== undefined && flags.seed !== protocol.seed) io.stderr(`note: --check uses the recorded seed ${protocol.seed}, not ${flags.seed}\n`);
  const outcome = await evaluateModel(folder, { ...common, n: protocol.n, seed: protocol.seed });
  const lines = [`${recorded.id}: re-checking ${protocol.figures.length} figures (n ${protocol.n}, seed ${protocol.seed})`];
  let ok = true;
  if (outcome.protocol.extractor.sha256 !== protocol.extractor.sha256) {
    lines.push(`  extractor changed: ${protocol.extractor.id} was sha256 ${protocol.extractor.sha256.slice(0, 12)}…, is now ${outcome.protocol.extractor.sha256.slice(0, 12)}…`);
    ok = false;
  }
  for (const result of compareFigures(recorded.metrics, protocol, outcome.figures)) {
    if (!result.ok) ok = false;
    lines.push(`  ${result.ok ? 'ok  ' : 'DIFF'} ${result.name.padEnd(28)} recorded ${formatFigure(result.recorded).padEnd(10)} measured ${formatFigure(result.measured)}`);
  }
  lines.push(ok ? 'all recorded figures reproduce' : 'some recorded figures do not reproduce', timingLine(outcome));
  io.stdout(`${lines.join('\n')}\n`);
  return ok ? 0 : 1;
}

/**
 * `genzoo eval --model <id|folder> [--n 10000] [--seed S] [--check | --truncation T | --truncation-curve]`: `argv` is what follows `eval`.
 * Never throws: problems become one line on stderr and a non-zero exit code (1; 2 for bad flags).
 */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  let code = 0;
  const program = new Command('genzoo eval')
    .description('Measure a model (FID, KID, Inception Score, precision/recall, density/coverage, memorization; for a translator L1/SSIM/PSNR, FID/KID, class accuracy and cycle L1 on its held-out images) and record the figures in its manifest; for a classifier, measure its dataset\'s reference rows')
    .requiredOption('-m, --model <id|folder>', 'model id (looked up like genzoo sample does) or model folder')
    .option('-n, --n <count>', `generated samples (default ${PROTOCOL.n}; ${POINT_PROTOCOL.samples} for models of 2-D points; for translators, the first n held-out images, default all)`, integer(20, 1_000_000))
    .option('-s, --seed <seed>', `seed of the latents and of every random subset (default ${PROTOCOL.seed})`, integer(0, MAX_SEED))
    .option('--check', 'recompute with the recorded protocol and compare with the recorded figures; writes nothing')
    .option('-t, --truncation <threshold>', 'sample latents truncated to [-threshold, threshold] (the truncation trick); prints the figures, records nothing', truncationThreshold)
    .option(
      '--truncation-curve',
      `FID, precision and recall at truncation ${TRUNCATION_CURVE_THRESHOLDS.map((t) => t ?? 'none').join(', ')} (${TRUNCATION_CURVE_SAMPLES} samples each unless --n); writes truncation-curve.json, truncation-curve.png and a card section`,
    )
    .option('-d, --device <device>', 'auto, cpu or cuda (cuda falls back to cpu, saying why)', device, 'auto' as Device)
    .option('--threads <count>', 'onnxruntime intra-op threads', integer(1, 1024))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .action(async (flags: EvalFlags) => {
      code = await evaluate(io, flags);
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (QUIET_EXITS.has(error.code)) return 0;
      io.stderr(`genzoo eval: ${oneLine(error.message.replace(/^error: /, ''))}\n`);
      return 2;
    }
    if (isGenzooError(error)) {
      io.stderr(`genzoo eval: ${oneLine(error.message)}\n`);
      return 1;
    }
    io.stderr(`genzoo eval: unexpected error: ${oneLine((error as Error)?.message ?? String(error))}\n`);
    if (io.env.GENZOO_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    return 1;
  }
}
