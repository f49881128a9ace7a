import { Command } from 'commander';
import { refreshModelCard } from '../publish/refresh-card.js';
import { refreshModelFigures } from '../publish/refresh-figures.js';
import { SUBCOMMAND_OUTPUT, flagErrorExitCode } from './flag-errors.js';

/**
 * `genzoo train card <model folder> [--run <run folder>]`: re-renders a shipped model's card from its manifest, its run
 * and the models beside it, keeping the Evaluation section, so that the card quotes figures measured by `genzoo eval`
 * after publishing (an autoencoder's prior-sample FID, a β trade-off table). Returns the exit code; errors are one line.
 */
export async function runCardCommand(argv: readonly string[]): Promise<number> {
  const program = new Command('genzoo train card')
    .description("Re-render a shipped model's card with the figures measured since publishing")
    .argument('<model>', 'model folder, e.g. models/ae-mnist')
    .option('--run <folder>', "the training run it was published from (with training.json); without it, the run is rebuilt from the manifest's training record")
    .exitOverride()
    .configureOutput(SUBCOMMAND_OUTPUT);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    return flagErrorExitCode('genzoo train card', error);
  }
  try {
    const [modelDir, runDir] = [program.args[0]!, program.opts<{ run?: string }>().run];
    await refreshModelFigures(modelDir, runDir);
    console.log(`wrote ${refreshModelCard(modelDir, runDir)}`);
    return 0;
  } catch (error) {
    console.error(`genzoo train card: ${(error as Error).message.split('\n')[0]}`);
    return 1;
  }
}
