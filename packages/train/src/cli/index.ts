import { POINT_GAN_FAMILIES, runGan2dCommand } from '../families/gan-2d-command.js';
import { runStudyCommand } from '../study/study-command.js';
import { runCardCommand } from './card-command.js';
import { runDensityCommand } from './density-command.js';
import { runPublishCommand } from './publish-command.js';
import { runTrainCli } from './run-train-cli.js';

/**
 * Entry point of `genzoo train …` (dispatched by @genzoo/node's CLI) and of `genzoo-train`:
 * `publish <run> --id <id> -o <folder>` ships a finished run; `card <folder> --run <run>` re-renders a shipped card;
 * `kde|gmm --dataset <set> --out <folder>` fits and ships a density model; `gan-2d|veegan-2d --dataset ring|grid --out <folder>`
 * trains and ships a 2-D GAN; `study-2d --dataset ring|grid --out <folder>` runs the mode-collapse study; anything else trains a family.
 */
export async function run(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'publish') return runPublishCommand(argv.slice(1));
  if (argv[0] === 'card') return runCardCommand(argv.slice(1));
  if (argv[0] === 'kde' || argv[0] === 'gmm') return runDensityCommand(argv);
  if ((POINT_GAN_FAMILIES as readonly string[]).includes(argv[0] ?? '')) return runGan2dCommand(argv);
  if (argv[0] === 'study-2d') return runStudyCommand(argv.slice(1));
  return runTrainCli(argv);
}
