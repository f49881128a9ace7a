import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { BACKEND_REQUESTS, type BackendRequest } from '../backend/select-backend.js';
import { DATASET_NAMES } from '../data/image-dataset.js';
import { FAMILIES } from '../families/registry.js';
import { GAN_LOSSES } from '../losses/registry.js';
import { TrainingConfigError } from '../trainers/training-config-error.js';
import { assertPublishable, publishAnyRun, publishedLine } from '../publish/publish-any-run.js';
import { LIKELIHOOD_NAMES, type LikelihoodName } from '../trainers/likelihoods.js';
import { type DiscriminatorKind, OPTIMIZER_NAMES, type OptimizerName, type TrainerOptions } from '../trainers/trainer-options.js';
import { runTraining, validateTrainingConfig, type TrainingConfig } from '../trainers/training-run.js';
import { resolveRunLayout, type RunLayout } from './run-layout.js';

function integer(name: string, min: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new InvalidArgumentError(`${name} must be an integer ≥ ${min}, got '${value}'`);
    return Number(value);
  };
}

function number(name: string, accepts: (value: number) => boolean, expected: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isFinite(parsed) || !accepts(parsed)) throw new InvalidArgumentError(`${name} must be ${expected}, got '${value}'`);
    return parsed;
  };
}

function formatLosses(losses: Record<string, number>): string {
  return Object.entries(losses).map(([name, value]) => `${name} ${value.toFixed(3)}`).join(' ');
}

/** Options the CLI passes through to {@link runTraining} beyond its flags (tests, the lead's export seam). */
export type CliOverrides = Partial<Pick<TrainingConfig, 'exporters' | 'cacheDir' | 'stopAfterSteps' | 'evalCount'>> & {
  /** Ships the finished run into the `--out` folder (default {@link publishAnyRun}); tests swap in a failing one. */
  publish?: typeof publishAnyRun;
};

/**
 * `genzoo-train <family> --dataset mnist [--steps N | --epochs N] … [--out models/<id>]`.
 * With `--out` the finished run is shipped into that model folder (what `genzoo train publish` writes),
 * its state kept in `--run-dir` (default `runs/<id>`); without it the run only trains, into `runs/<family>`.
 * `argv` excludes the node and script paths. Returns the process exit code;
 * bad flags give a one-line error and exit code 2 before anything trains.
 */
export async function runTrainCli(argv: readonly string[], overrides: CliOverrides = {}): Promise<number> {
  const program = new Command('genzoo-train')
    .description('Train a genzoo generative model with TensorFlow.js')
    .argument('<family>', `model family: ${[...FAMILIES.keys()].join(', ')}`)
    .addHelpText(
      'after',
      '\nOther commands, each with its own --help:\n' +
        '  kde | gmm --dataset <set> --out <folder>          fit and ship a density model (2-D sets, or images in a PCA space)\n' +
        '  gan-2d | veegan-2d --dataset ring|grid --out <d>  train and ship a GAN on a 2-D toy set\n' +
        '  study-2d --dataset ring|grid --out <folder>       the mode-collapse study: configurations × seeds, one table\n' +
        '  publish <run> --id <id> -o <folder>               ship a finished run without training\n' +
        '  card <folder> --run <run>                         re-render a shipped card after genzoo eval',
    )
    .addOption(new Option('--dataset <name or folder>', `dataset: ${DATASET_NAMES.join(', ')}, or a folder of PNG/JPEG images`).makeOptionMandatory())
    .option('--loss <name>', `adversarial loss (GANs): ${[...GAN_LOSSES.keys()].join(', ')}`)
    .option('--steps <n>', 'optimizer steps', integer('--steps', 1))
    .option('--epochs <n>', 'passes over the training split', integer('--epochs', 1))
    .option('--batch <n>', 'batch size', integer('--batch', 1), 64)
    .option('--seed <n>', 'random seed', integer('--seed', 0), 0)
    .option('--out <dir>', 'model folder to ship into when training completes: ONNX graphs, manifest.json, samples.png, README.md card (e.g. models/<id>); without it the run only trains')
    .option('--id <id>', 'model id in the manifest (default: the basename of --out)')
    .option('--run-dir <dir>', 'training state: checkpoints, sample grids, losses, loss curve, training.json (default runs/<id> with --out, else runs/<family>)')
    .option('--resume', 'continue from the newest intact checkpoint in the run dir', false)
    .addOption(new Option('--backend <name>', 'training backend').choices(BACKEND_REQUESTS as string[]).default('auto'))
    .option('--sample-every <n>', 'write a sample grid every N steps (0: only at the end)', integer('--sample-every', 0), 200)
    .option('--checkpoint-every <n>', 'checkpoint every N steps (0: only at the end)', integer('--checkpoint-every', 0), 100)
    .option('--no-progress', 'log plain lines instead of a progress bar')
    .option('--n-critic <n>', 'discriminator steps per generator step (adversarial)', integer('--n-critic', 1))
    .option('--gp <lambda>', 'gradient penalty weight λ (adversarial)', number('--gp', (v) => v >= 0, 'a number ≥ 0'))
    .option('--clip <c>', 'clip discriminator weights to [-c, c] (adversarial)', number('--clip', (v) => v > 0, 'a positive number'))
    .option('--label-smoothing <s>', 'one-sided label smoothing (adversarial)', number('--label-smoothing', (v) => v >= 0 && v < 1, 'in [0, 1)'))
    .option('--instance-noise <sigma>', 'instance noise std (adversarial)', number('--instance-noise', (v) => v >= 0, 'a number ≥ 0'))
    .option('--feature-matching <w>', 'feature matching weight in the generator loss (adversarial)', number('--feature-matching', (v) => v > 0, 'a positive number'))
    .option('--ema <decay>', "decay of the generator's weight average", number('--ema', (v) => v > 0 && v < 1, 'in (0, 1)'))
    .option('--spectral-norm', 'spectrally normalized discriminator (adversarial)')
    .option('--minibatch-discrimination', 'minibatch discrimination layer before the discriminator logit (gan-mlp)')
    .addOption(new Option('--optimizer <name>', 'optimizer').choices(OPTIMIZER_NAMES as readonly string[] as string[]))
    .option('--lr <x>', 'learning rate', number('--lr', (v) => v > 0, 'a positive number'))
    .option('--beta1 <b>', "Adam's β1", number('--beta1', (v) => v >= 0 && v < 1, 'in [0, 1)'))
    .option('--beta <b>', 'KL weight β of the training loss (vae)', number('--beta', (v) => v > 0, 'a positive number'))
    .option('--latent <d>', 'latent size (autoencoder, vae)', integer('--latent', 1))
    .option('--task <name>', 'translation task: edges or inpaint (pix2pix), shoes or thick (cyclegan)')
    .option('--identity <w>', "identity-loss weight as a fraction of the cycle weight (cyclegan; default 0.5)", number('--identity', (v) => v >= 0, 'a number ≥ 0'))
    .option('--discriminator <kind>', 'class-conditional discriminator: concat (label as input channels) or projection (cgan, biggan)')
    .option('--critic-layers <n>', 'strided layers of the PatchGAN discriminator: 2 (18×18 windows) or 3 (the whole image) (pix2pix, cyclegan)', integer('--critic-layers', 2))
    .addOption(new Option('--likelihood <name>', 'decoder likelihood: bernoulli (BCE) or gaussian (fixed σ; MSE) (autoencoder, vae)').choices(LIKELIHOOD_NAMES as readonly string[] as string[]))
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: (text) => process.stdout.write(text) })
    .showSuggestionAfterError(false);

  let family: string;
  let options: {
    dataset: string; loss?: string; steps?: number; epochs?: number; batch: number; seed: number; out?: string; id?: string; runDir?: string; resume: boolean;
    backend: BackendRequest; sampleEvery: number; checkpointEvery: number; progress: boolean;
    nCritic?: number; gp?: number; clip?: number; labelSmoothing?: number; instanceNoise?: number; featureMatching?: number;
    ema?: number; spectralNorm?: boolean; minibatchDiscrimination?: boolean; optimizer?: OptimizerName; lr?: number; beta1?: number;
    beta?: number; latent?: number; likelihood?: LikelihoodName; task?: string;
    identity?: number; criticLayers?: number; discriminator?: DiscriminatorKind;
  };
  try {
    program.parse(argv as string[], { from: 'user' });
    family = program.args[0]!;
    options = program.opts();
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      console.error(`genzoo-train: ${error.message.replace(/^error: /, '').split('\n')[0]}`);
      return 2;
    }
    throw error;
  }

  let layout: RunLayout;
  try {
    layout = resolveRunLayout({ family, out: options.out, id: options.id, runDir: options.runDir });
  } catch (error) {
    console.error(`genzoo-train: ${(error as Error).message}`);
    return 2;
  }
  const { publish = publishAnyRun, ...trainingOverrides } = overrides;

  const trainer: TrainerOptions = Object.fromEntries(
    Object.entries({
      nCritic: options.nCritic,
      gradientPenalty: options.gp,
      weightClip: options.clip,
      labelSmoothing: options.labelSmoothing,
      instanceNoise: options.instanceNoise,
      featureMatching: options.featureMatching,
      emaDecay: options.ema,
      spectralNorm: options.spectralNorm,
      minibatchDiscrimination: options.minibatchDiscrimination,
      optimizer: options.optimizer,
      learningRate: options.lr,
      beta1: options.beta1,
      beta: options.beta,
      latent: options.latent,
      likelihood: options.likelihood,
      task: options.task,
      identity: options.identity,
      criticLayers: options.criticLayers,
      discriminator: options.discriminator,
    }).filter(([, value]) => value !== undefined),
  );
  const config: TrainingConfig = {
    family,
    dataset: options.dataset,
    ...(options.loss === undefined ? {} : { loss: options.loss }),
    ...(Object.keys(trainer).length === 0 ? {} : { trainer }),
    ...(options.steps === undefined && options.epochs === undefined ? { steps: 2000 } : {}),
    ...(options.steps === undefined ? {} : { steps: options.steps }),
    ...(options.epochs === undefined ? {} : { epochs: options.epochs }),
    batchSize: options.batch,
    seed: options.seed,
    outDir: layout.runDir,
    resume: options.resume,
    backend: options.backend,
    sampleEvery: options.sampleEvery,
    checkpointEvery: options.checkpointEvery,
    ...trainingOverrides,
  };
  try {
    validateTrainingConfig(config);
    if (layout.ship !== undefined) assertPublishable(family);
  } catch (error) {
    console.error(`genzoo-train: ${(error as Error).message}`);
    return 2;
  }

  const interactive = options.progress && process.stderr.isTTY === true;
  const bar = interactive
    ? new cliProgress.SingleBar({
        format: 'step {value}/{total} |{bar}| {rate} steps/s · ETA {eta_formatted} · {losses}',
        etaBuffer: 50,
        hideCursor: true,
      }, cliProgress.Presets.shades_classic)
    : undefined;
  let barStarted = false;
  let lastLine = 0;
  let summary;
  try {
    summary = await runTraining({
      ...config,
      log: (line) => (bar !== undefined && barStarted ? process.stderr.write(`\r\x1b[K${line}\n`) : console.log(line)),
      onProgress: ({ step, totalSteps, losses, stepsPerSecond }) => {
        const payload = { rate: stepsPerSecond.toFixed(2), losses: formatLosses(losses) };
        if (bar !== undefined) {
          if (!barStarted) {
            bar.start(totalSteps, step - 1, payload);
            barStarted = true;
          }
          bar.update(step, payload);
        } else if (step === totalSteps || Date.now() - lastLine > 10_000) {
          lastLine = Date.now();
          const eta = stepsPerSecond > 0 ? Math.round((totalSteps - step) / stepsPerSecond) : 0;
          console.log(`step ${step}/${totalSteps} · ${payload.rate} steps/s · ETA ${eta}s · ${payload.losses}`);
        }
      },
    });
  } catch (error) {
    bar?.stop();
    console.error(`genzoo-train: ${(error as Error).message.split('\n')[0]}`);
    // Bad data (unreadable image files, a batch larger than the dataset) is a usage error, found before training.
    return error instanceof TrainingConfigError ? 2 : 1;
  }
  bar?.stop();
  // A run stopped before its last step has nothing to ship; the model folder stays as it was.
  if (summary === undefined || layout.ship === undefined) return 0;
  const { id, modelDir } = layout.ship;
  try {
    console.log(publishedLine(modelDir, await publish(layout.runDir, id, modelDir)));
  } catch (error) {
    console.error(
      `genzoo-train: shipping ${modelDir} failed, left as it was: ${(error as Error).message.split('\n')[0]} ` +
        `(the trained run is in ${layout.runDir}; retry with genzoo train publish ${layout.runDir} --id ${id} -o ${modelDir})`,
    );
    return 1;
  }
  return 0;
}
