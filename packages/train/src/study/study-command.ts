import { Command, InvalidArgumentError, Option } from 'commander';
import { selectBackend, BACKEND_REQUESTS, type BackendRequest } from '../backend/select-backend.js';
import { POINT_GAN_DATASETS } from '../families/gan-2d-data.js';
import { runStudy } from './run-study.js';
import { EXTRA_CONFIGS, STUDY_CONFIGS, studyConfigs } from './study-configs.js';
import { SUBCOMMAND_OUTPUT, flagErrorExitCode } from '../cli/flag-errors.js';

interface StudyFlags {
  dataset: string;
  configs: string;
  seeds: number[];
  steps?: number;
  configSteps: Record<string, number>;
  batchSize?: number;
  out: string;
  strip: string;
  reportOnly: boolean;
  backend: BackendRequest;
}

function positiveInteger(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError(`${flag} must be a positive integer, got '${value}'`);
    return Number(value);
  };
}

/** `--config-steps wgan=5000,wgan-gp=5000`: generator steps of some configurations, overriding `--steps` for them. */
function configStepsList(value: string): Record<string, number> {
  const entries = value.split(',').map((part) => /^\s*([a-z0-9-]+)\s*=\s*(\d+)\s*$/.exec(part));
  if (entries.some((entry) => entry === null || Number(entry[2]) < 1)) {
    throw new InvalidArgumentError(`--config-steps must be a comma list of <config>=<steps>, e.g. wgan=5000, got '${value}'`);
  }
  return Object.fromEntries(entries.map((entry) => [entry![1]!, Number(entry![2])]));
}

/** `--seeds 5` means seeds 1…5; `--seeds 2,5` exactly those (to spread one sweep over parallel processes). */
function seedList(value: string): number[] {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed) && Number(trimmed) >= 1) return Array.from({ length: Number(trimmed) }, (_, i) => i + 1);
  const range = /^(\d+)-(\d+)$/.exec(trimmed);
  if (range && Number(range[1]) >= 1 && Number(range[1]) <= Number(range[2])) {
    return Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i);
  }
  const parts = trimmed.split(',').map((part) => part.trim());
  if (parts.length < 2 || parts.some((part) => !/^\d+$/.test(part) || Number(part) < 1)) {
    throw new InvalidArgumentError(`--seeds must be a positive integer n (seeds 1…n), a range a-b or a comma list of seeds, got '${value}'`);
  }
  return [...new Set(parts.map(Number))];
}

/**
 * `genzoo train study-2d --dataset ring|grid --configs all|gan,… --seeds 5 --out docs/mode-collapse/`:
 * the mode-collapse study of issue #7. Resumable: finished runs are read back, not retrained.
 * Returns the exit code; every error is one line.
 */
export async function runStudyCommand(argv: readonly string[]): Promise<number> {
  const program = new Command('genzoo train study-2d')
    .description('Train configurations × seeds of 2-D GANs, score them with the PacGAN protocol, and write the table and plots')
    .addOption(new Option('--dataset <name>', 'benchmark').choices(Object.keys(POINT_GAN_DATASETS)).makeOptionMandatory())
    .option('--configs <list>', `all, or a comma list of ${[...STUDY_CONFIGS, ...EXTRA_CONFIGS].map((c) => c.name).join(', ')}`, 'all')
    .option('--seeds <n|a-b|list>', 'seeds 1…n per configuration, a range a-b (3-3: seed 3 alone) or a comma list of seeds', seedList, [1, 2, 3, 4, 5])
    .option('--steps <n>', 'generator steps per run (default: each configuration\'s)', positiveInteger('--steps'))
    .option('--config-steps <list>', 'generator steps of some configurations, overriding --steps for them, e.g. wgan=5000,wgan-gp=5000', configStepsList, {})
    .option('--batch-size <n>', 'discriminator inputs per update (default: each configuration\'s)', positiveInteger('--batch-size'))
    .option('--strip <config>', 'configuration whose training snapshots make the mode-hopping strip', 'gan')
    .option('--report-only', 'train nothing: write the table and plots from the finished seeds (a sweep split across sessions)', false)
    .requiredOption('-o, --out <folder>', 'results folder, e.g. docs/mode-collapse')
    .addOption(new Option('--backend <name>', 'tfjs backend').choices(BACKEND_REQUESTS).default('auto'))
    .exitOverride()
    .configureOutput(SUBCOMMAND_OUTPUT);
  let flags: StudyFlags;
  try {
    program.parse(argv as string[], { from: 'user' });
    flags = program.opts<StudyFlags>();
    const chosen = studyConfigs(flags.configs);
    if (!chosen.some((c) => c.name === flags.strip)) throw new Error(`--strip ${flags.strip} is not among --configs ${flags.configs}`);
    const stray = Object.keys(flags.configSteps).find((name) => !chosen.some((c) => c.name === name));
    if (stray !== undefined) throw new Error(`--config-steps names ${stray}, which is not among --configs ${flags.configs}`);
  } catch (error) {
    return flagErrorExitCode('genzoo train study-2d', error);
  }
  try {
    const backend = await selectBackend(flags.backend);
    console.log(backend.summary || `backend: ${backend.name}`);
    const outcome = await runStudy({
      dataset: flags.dataset,
      configs: studyConfigs(flags.configs),
      seeds: flags.seeds,
      out: flags.out,
      stripConfig: flags.strip,
      reportOnly: flags.reportOnly,
      stepsByConfig: flags.configSteps,
      overrides: { ...(flags.steps === undefined ? {} : { steps: flags.steps }), ...(flags.batchSize === undefined ? {} : { batchSize: flags.batchSize }) },
      log: (line) => console.log(line),
    });
    console.log(`${outcome.folder}: ${outcome.trained} runs trained now, ${outcome.rows.reduce((n, r) => n + r.seeds.length, 0)} in the table`);
    console.log(outcome.table);
    return 0;
  } catch (error) {
    console.error(`genzoo train study-2d: ${(error as Error).message.split('\n')[0]}`);
    return 1;
  }
}
