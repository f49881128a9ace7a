import { Command, InvalidArgumentError, Option } from 'commander';
import { BACKEND_REQUESTS, type BackendRequest } from '../backend/select-backend.js';
import { SUBCOMMAND_OUTPUT } from '../cli/flag-errors.js';
import { GAN_LOSSES } from '../losses/registry.js';
import { OPTIMIZER_NAMES, type OptimizerName } from '../trainers/trainer-options.js';
import { POINT_GAN_DATASETS } from './gan-2d-data.js';
import { GAN_2D_DEFAULTS, validateGan2dSettings, type Gan2dSettings } from './gan-2d-settings.js';

/** The 2-D families `genzoo train` dispatches here. */
export const POINT_GAN_FAMILIES = ['gan-2d', 'veegan-2d'] as const;

/** The command's flags apart from the settings they make. */
export interface Gan2dFlags {
  dataset: string;
  out: string;
  id?: string;
  seed: number;
  steps: number;
  batchSize: number;
  loss: string;
  nCritic: number;
  clip?: number;
  gp?: number;
  spectralNorm?: 'all' | 'hidden';
  pack: number;
  unrolled: number;
  unrollLr: number;
  unrollOptimizer: 'sgd' | 'adam';
  optimizer: OptimizerName;
  lr: number;
  dLr?: number;
  latent: number;
  generatorHidden: number[];
  discriminatorHidden: number[];
  reconstructorNoise?: number;
  beta1: number;
  ema?: number;
  lrDecay?: 'linear';
  generatorBatchNorm?: boolean;
  backend: BackendRequest;
}

function integer(flag: string, min: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new InvalidArgumentError(`${flag} must be an integer ≥ ${min}, got '${value}'`);
    return Number(value);
  };
}

function positive(flag: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!(parsed > 0) || !Number.isFinite(parsed)) throw new InvalidArgumentError(`${flag} must be a positive number, got '${value}'`);
    return parsed;
  };
}

function layerSizes(flag: string) {
  return (value: string): number[] => {
    const parts = value.split(',').map((part) => part.trim());
    if (!parts.every((part) => /^\d+$/.test(part) && Number(part) >= 1)) throw new InvalidArgumentError(`${flag} must be layer sizes like 128,128, got '${value}'`);
    return parts.map(Number);
  };
}

/** What a `gan-2d` / `veegan-2d` command line asks for. */
export interface ParsedGan2dArgs {
  family: (typeof POINT_GAN_FAMILIES)[number];
  flags: Gan2dFlags;
  settings: Gan2dSettings;
}

/**
 * Parses `gan-2d|veegan-2d --dataset … --out … [flags]` into checked settings; throws a one-line error (or
 * commander's, for help and bad flags). {@link reproduceFlags} is its inverse, tested as a round trip.
 */
export function parseGan2dArgs(argv: readonly string[]): ParsedGan2dArgs {
  const family = argv[0] ?? '';
  const d = GAN_2D_DEFAULTS;
  const program = new Command(`genzoo train ${family}`)
    .description(family === 'veegan-2d' ? 'Train VEEGAN on 2-D points and publish it' : 'Train a GAN on 2-D points and publish it')
    .addOption(new Option('--dataset <name>', 'benchmark').choices(Object.keys(POINT_GAN_DATASETS)).makeOptionMandatory())
    .requiredOption('-o, --out <folder>', 'model folder to write, e.g. models/pacgan2-ring')
    .option('--id <id>', 'model id (default: the folder name)')
    .option('--seed <n>', 'seed of the data, the initial weights and the latents', integer('--seed', 0), 1)
    .option('--steps <n>', 'generator steps', integer('--steps', 1), d.steps)
    .option('--batch-size <n>', 'discriminator inputs per update', integer('--batch-size', 1), d.batchSize)
    .option('--latent <n>', 'size of z', integer('--latent', 1), d.latentDim)
    .option('--generator-hidden <sizes>', "G's hidden layer sizes (veegan-2d: F's too)", layerSizes('--generator-hidden'), [...d.generatorHidden])
    .option('--discriminator-hidden <sizes>', "D's hidden layer sizes", layerSizes('--discriminator-hidden'), [...d.discriminatorHidden])
    .option('--reconstructor-noise <sigma>', "veegan-2d: a Gaussian reconstructor of this σ (the authors' code: 1)", positive('--reconstructor-noise'))
    .option('--loss <name>', `gan-2d: ${[...GAN_LOSSES.keys()].join(', ')}`, d.loss)
    .option('--n-critic <n>', 'gan-2d: discriminator steps per generator step', integer('--n-critic', 1), d.nCritic)
    .option('--clip <c>', 'gan-2d: WGAN weight clipping', positive('--clip'))
    .option('--gp <lambda>', 'gan-2d: gradient penalty weight', positive('--gp'))
    .addOption(new Option('--spectral-norm [layers]', 'gan-2d: spectrally normalized discriminator, every layer or the hidden ones only').choices(['all', 'hidden']).preset('all'))
    .option('--pack <m>', 'gan-2d: PacGAN, D sees m samples concatenated', integer('--pack', 1), d.pack)
    .option('--unrolled <k>', 'gan-2d: G\'s loss through k differentiable steps of D', integer('--unrolled', 0), d.unrolled)
    .addOption(new Option('--unroll-optimizer <name>', 'gan-2d: the unrolled steps: SGD of --unroll-lr, or the updates D\'s Adam would make').choices(['sgd', 'adam']).default('sgd'))
    .option('--unroll-lr <eta>', 'gan-2d: step size of the unrolled SGD steps', positive('--unroll-lr'), d.unrollLearningRate)
    .addOption(new Option('--optimizer <name>', 'optimizer of every network').choices(OPTIMIZER_NAMES).default(d.optimizer))
    .option('--lr <rate>', 'learning rate', positive('--lr'), d.learningRate)
    .option('--d-lr <rate>', "D's learning rate (default: --lr)", positive('--d-lr'))
    .option('--beta1 <b>', "Adam's β1", (value) => {
      const parsed = Number(value);
      if (!(parsed >= 0 && parsed < 1)) throw new InvalidArgumentError(`--beta1 must be in [0, 1), got '${value}'`);
      return parsed;
    }, d.beta1)
    .addOption(new Option('--lr-decay <schedule>', 'decay every learning rate to 0 over the run').choices(['linear']))
    .option('--generator-batch-norm', "batch norm after each of G's hidden layers (PacGAN's generator)")
    .option('--ema <decay>', "average G's weights with this decay; the average samples and ships", (value) => {
      const parsed = Number(value);
      if (!(parsed > 0 && parsed < 1)) throw new InvalidArgumentError(`--ema must be in (0, 1), got '${value}'`);
      return parsed;
    })
    .addOption(new Option('--backend <name>', 'tfjs backend').choices(BACKEND_REQUESTS).default('auto'))
    // Accepted so one script can pass the image trainers' flag to every trainer: 2-D runs always log plain lines.
    .option('--no-progress', 'log plain lines (what 2-D runs always do)')
    .exitOverride()
    .configureOutput(SUBCOMMAND_OUTPUT);
  if (!(POINT_GAN_FAMILIES as readonly string[]).includes(family)) throw new Error(`unknown 2-D family '${family}' (expected ${POINT_GAN_FAMILIES.join(' or ')})`);
  program.parse(argv.slice(1) as string[], { from: 'user' });
  const flags = program.opts<Gan2dFlags>();
  if (!GAN_LOSSES.has(flags.loss)) throw new Error(`unknown loss '${flags.loss}' (expected one of ${[...GAN_LOSSES.keys()].join(', ')})`);
  if (family === 'gan-2d' && flags.reconstructorNoise !== undefined) throw new Error('--reconstructor-noise is for veegan-2d');
  if (family === 'veegan-2d' && (flags.loss !== d.loss || flags.clip !== undefined || flags.gp !== undefined || flags.spectralNorm !== undefined)) {
    throw new Error('veegan-2d trains with its own objective: --loss, --clip, --gp and --spectral-norm do not apply');
  }
  const settings: Gan2dSettings = {
    ...d,
    method: family === 'veegan-2d' ? 'veegan' : 'gan',
    loss: flags.loss,
    steps: flags.steps,
    batchSize: flags.batchSize,
    nCritic: flags.nCritic,
    pack: flags.pack,
    unrolled: flags.unrolled,
    unrollLearningRate: flags.unrollLr,
    ...(flags.unrollOptimizer === 'adam' ? { unrollOptimizer: 'adam' as const } : {}),
    ...(flags.dLr === undefined ? {} : { discriminatorLearningRate: flags.dLr }),
    ...(flags.clip === undefined ? {} : { weightClip: flags.clip }),
    ...(flags.gp === undefined ? {} : { gradientPenalty: flags.gp }),
    spectralNorm: flags.spectralNorm !== undefined,
    ...(flags.spectralNorm === 'hidden' ? { spectralNormLayers: 'hidden' as const } : {}),
    ...(flags.ema === undefined ? {} : { emaDecay: flags.ema }),
    ...(flags.lrDecay === undefined ? {} : { learningRateDecay: flags.lrDecay }),
    ...(flags.generatorBatchNorm === true ? { generatorBatchNorm: true } : {}),
    optimizer: flags.optimizer,
    learningRate: flags.lr,
    beta1: flags.beta1,
    latentDim: flags.latent,
    generatorHidden: flags.generatorHidden,
    discriminatorHidden: flags.discriminatorHidden,
    ...(flags.reconstructorNoise === undefined ? {} : { reconstructorNoise: flags.reconstructorNoise }),
  };
  validateGan2dSettings(settings);
  return { family: family as ParsedGan2dArgs['family'], flags, settings };
}

/** The flags that differ from the defaults, which with `--dataset`, `--seed` and `--out` reproduce a run of `settings`. */
export function reproduceFlags(settings: Gan2dSettings): string[] {
  const d = GAN_2D_DEFAULTS;
  const out: string[] = [];
  if (settings.method !== 'veegan' && settings.loss !== d.loss) out.push('--loss', settings.loss);
  if (settings.steps !== d.steps) out.push('--steps', String(settings.steps));
  if (settings.batchSize !== d.batchSize) out.push('--batch-size', String(settings.batchSize));
  if (settings.latentDim !== d.latentDim) out.push('--latent', String(settings.latentDim));
  const sameSizes = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((n, i) => n === b[i]);
  if (!sameSizes(settings.generatorHidden, d.generatorHidden)) out.push('--generator-hidden', settings.generatorHidden.join(','));
  if (!sameSizes(settings.discriminatorHidden, d.discriminatorHidden)) out.push('--discriminator-hidden', settings.discriminatorHidden.join(','));
  if (settings.reconstructorNoise !== undefined) out.push('--reconstructor-noise', String(settings.reconstructorNoise));
  if (settings.nCritic !== d.nCritic) out.push('--n-critic', String(settings.nCritic));
  if (settings.weightClip !== undefined) out.push('--clip', String(settings.weightClip));
  if (settings.gradientPenalty !== undefined) out.push('--gp', String(settings.gradientPenalty));
  if (settings.spectralNorm) out.push('--spectral-norm', ...(settings.spectralNormLayers === 'hidden' ? ['hidden'] : []));
  if (settings.pack !== d.pack) out.push('--pack', String(settings.pack));
  if (settings.unrolled !== d.unrolled) {
    out.push('--unrolled', String(settings.unrolled), ...(settings.unrollOptimizer === 'adam' ? ['--unroll-optimizer', 'adam'] : ['--unroll-lr', String(settings.unrollLearningRate)]));
  }
  if (settings.optimizer !== d.optimizer) out.push('--optimizer', settings.optimizer);
  if (settings.learningRate !== d.learningRate) out.push('--lr', String(settings.learningRate));
  if (settings.discriminatorLearningRate !== undefined) out.push('--d-lr', String(settings.discriminatorLearningRate));
  if (settings.beta1 !== d.beta1) out.push('--beta1', String(settings.beta1));
  if (settings.learningRateDecay !== undefined) out.push('--lr-decay', settings.learningRateDecay);
  if (settings.generatorBatchNorm === true) out.push('--generator-batch-norm');
  if (settings.emaDecay !== undefined) out.push('--ema', String(settings.emaDecay));
  return out;
}
