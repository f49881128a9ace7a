import { runPublishCommand } from './publish-command.js';
import { runTrainCli } from './run-train-cli.js';

/**
 * Entry point of `genzoo train …` (dispatched by @genzoo/node's CLI) and of `genzoo-train`:
 * `publish <run> --id <id> -o <folder>` ships a finished run; anything else trains a family.
 */
export async function run(argv: readonly string[]): Promise<number> {
  return argv[0] === 'publish' ? runPublishCommand(argv.slice(1)) : runTrainCli(argv);
}
