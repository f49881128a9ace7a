import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { selectBackend, BACKEND_REQUESTS, type BackendRequest } from '../backend/select-backend.js';
import { POINT_GAN_DATASETS } from '../families/gan-2d-data.js';
import { runStudy } from './run-study.js';
import { STUDY_CONFIGS, studyConfigs } from './study-configs.js';

interface StudyFlags {
  dataset: string;
  configs: string;
  seeds: number;
  steps?: number;
  batchSize?: number;
  out: string;
  backend: BackendRequest;
}

function positiveInteger(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError(`${flag} must be a positive integer, got '${value}'`);
    return Number(value);
  };
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
    .option('--configs <list>', `all, or a comma list of ${STUDY_CONFIGS.map((c) => c.name).join(', ')}`, 'all')
    .option('--seeds <n>', 'seeds 1…n per configuration', positiveInteger('--seeds'), 5)
    .option('--steps <n>', 'generator steps per run (default: each configuration\'s)', positiveInteger('--steps'))
    .option('--batch-size <n>', 'discriminator inputs per update (default: each configuration\'s)', positiveInteger('--batch-size'))
    .requiredOption('-o, --out <folder>', 'results folder, e.g. docs/mode-collapse')
    .addOption(new Option('--backend <name>', 'tfjs backend').choices(BACKEND_REQUESTS).default('auto'))
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: (text) => process.stdout.write(text) });
  let flags: StudyFlags;
  try {
    program.parse(argv as string[], { from: 'user' });
    flags = program.opts<StudyFlags>();
    studyConfigs(flags.configs);
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return 0;
    console.error(`genzoo train study-2d: ${(error as Error).message.replace(/^error: /, '').split('\n')[0]}`);
    return 2;
  }
  try {
    const backend = await selectBackend(flags.backend);
    console.log(backend.summary || `backend: ${backend.name}`);
    const outcome = await runStudy({
      dataset: flags.dataset,
      configs: studyConfigs(flags.configs),
      seeds: flags.seeds,
      out: flags.out,
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
