import { Command } from 'commander';
import { selectBackend } from '../backend/select-backend.js';
import { assertModelId } from '../publish/model-id.js';
import { publishAnyRun, publishedLine } from '../publish/publish-any-run.js';
import { SUBCOMMAND_OUTPUT, flagErrorExitCode } from './flag-errors.js';

/**
 * `genzoo train publish <run folder> --id <id> -o models/<id>`: turns a finished training run into a shipped
 * model folder (ONNX graphs checked against tfjs, manifest, samples.png, model card). `genzoo train … --out`
 * does the same at the end of training; this re-ships a run folder without training again.
 * Returns the exit code; every error is one line.
 */
export async function runPublishCommand(argv: readonly string[]): Promise<number> {
  const program = new Command('genzoo train publish')
    .description('Ship a finished training run as a model folder')
    .argument('<run>', 'training run folder (with training.json)')
    .requiredOption('--id <id>', 'model id, e.g. dcgan-mnist')
    .requiredOption('-o, --out <folder>', 'model folder to write, e.g. models/dcgan-mnist')
    .exitOverride()
    .configureOutput(SUBCOMMAND_OUTPUT);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    return flagErrorExitCode('genzoo train publish', error);
  }
  const [runDir] = program.args as [string];
  const { id, out } = program.opts<{ id: string; out: string }>();
  try {
    assertModelId(id);
  } catch (error) {
    console.error(`genzoo train publish: ${(error as Error).message}`);
    return 2;
  }
  try {
    await selectBackend('auto');
    console.log(publishedLine(out, await publishAnyRun(runDir, id, out)));
    return 0;
  } catch (error) {
    console.error(`genzoo train publish: ${(error as Error).message.split('\n')[0]}`);
    return 1;
  }
}
