import { LIKELIHOOD_NAMES, type LikelihoodName } from './likelihoods.js';

/** Optimizers a run may choose with `--optimizer`. */
export const OPTIMIZER_NAMES = ['adam', 'rmsprop'] as const;
/** An optimizer name from {@link OPTIMIZER_NAMES}. */
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];
/** How a class-conditional discriminator sees the label, chosen with `--discriminator`. */
export const DISCRIMINATOR_KINDS = ['concat', 'projection'] as const;
/** A discriminator kind from {@link DISCRIMINATOR_KINDS}. */
export type DiscriminatorKind = (typeof DISCRIMINATOR_KINDS)[number];

/**
 * Trainer settings a run may override on the command line; absent ones keep the family's defaults.
 * Saved with every checkpoint so that `--resume` keeps them.
 */
export interface TrainerOptions {
  /** Adversarial loss by registry name. */
  loss?: string;
  /** Discriminator steps per generator step. */
  nCritic?: number;
  /** Gradient-penalty weight λ. */
  gradientPenalty?: number;
  /** Weight-clipping limit c. */
  weightClip?: number;
  /** One-sided label smoothing s (real targets become 1 − s). */
  labelSmoothing?: number;
  /** Instance-noise std σ. */
  instanceNoise?: number;
  /** Feature-matching weight in the generator loss. */
  featureMatching?: number;
  /** Decay of the generator's weight average. */
  emaDecay?: number;
  /** Spectral normalization of the discriminator. */
  spectralNorm?: boolean;
  /** Minibatch discrimination layer before the discriminator's logit (Salimans et al. 2016). */
  minibatchDiscrimination?: boolean;
  optimizer?: OptimizerName;
  learningRate?: number;
  /** Adam's β1. */
  beta1?: number;
  /** Weight of the KL term (β-VAE). */
  beta?: number;
  /** Latent size of autoencoders and VAEs. */
  latent?: number;
  /** Decoder likelihood (reconstruction loss) of autoencoders and VAEs. */
  likelihood?: LikelihoodName;
  /** Translation task of pix2pix (`edges`, `inpaint`) and CycleGAN (`shoes`, `thick`) runs; each family checks its own. */
  task?: string;
  /** CycleGAN's identity-loss weight as a fraction of the cycle weight λ (Zhu et al.: 0.5). */
  identity?: number;
  /** Strided layers of a translator's PatchGAN discriminator: 2 judges 18×18 windows, 3 the whole 28×28 image. */
  criticLayers?: number;
  /** Class-conditional discriminator: the label as extra input channels (`concat`) or a projection term (`projection`). */
  discriminator?: DiscriminatorKind;
}

/** A key of {@link TrainerOptions}. */
export type TrainerOptionName = keyof TrainerOptions;

/** The command-line flag of each option (for error messages). */
export const TRAINER_OPTION_FLAGS: Readonly<Record<TrainerOptionName, string>> = {
  loss: '--loss',
  nCritic: '--n-critic',
  gradientPenalty: '--gp',
  weightClip: '--clip',
  labelSmoothing: '--label-smoothing',
  instanceNoise: '--instance-noise',
  featureMatching: '--feature-matching',
  emaDecay: '--ema',
  spectralNorm: '--spectral-norm',
  minibatchDiscrimination: '--minibatch-discrimination',
  optimizer: '--optimizer',
  learningRate: '--lr',
  beta1: '--beta1',
  beta: '--beta',
  latent: '--latent',
  likelihood: '--likelihood',
  task: '--task',
  identity: '--identity',
  criticLayers: '--critic-layers',
  discriminator: '--discriminator',
};

/** Options only adversarial families take. */
export const ADVERSARIAL_OPTIONS: readonly TrainerOptionName[] = [
  'loss', 'nCritic', 'gradientPenalty', 'weightClip', 'labelSmoothing', 'instanceNoise', 'featureMatching', 'spectralNorm',
];

/** Options every family takes (its optimizer). */
export const OPTIMIZER_OPTIONS: readonly TrainerOptionName[] = ['optimizer', 'learningRate', 'beta1'];

function check(ok: boolean, name: TrainerOptionName, expected: string, value: unknown): void {
  if (!ok) throw new Error(`${TRAINER_OPTION_FLAGS[name]} must be ${expected}, got ${String(value)}`);
}

/**
 * Checks option values and that each applies to a family taking `supported`; throws a one-line error
 * naming the flag.
 */
export function validateTrainerOptions(options: TrainerOptions, familyName: string, supported: readonly TrainerOptionName[]): void {
  for (const [name, value] of Object.entries(options) as [TrainerOptionName, unknown][]) {
    if (value === undefined) continue;
    if (!(name in TRAINER_OPTION_FLAGS)) throw new Error(`unknown trainer option '${name}'`);
    if (!supported.includes(name)) {
      const adversarialFamily = supported.some((option) => ADVERSARIAL_OPTIONS.includes(option));
      const why = ADVERSARIAL_OPTIONS.includes(name) && !adversarialFamily ? ' (not an adversarial family)' : '';
      throw new Error(`${TRAINER_OPTION_FLAGS[name]} does not apply to family '${familyName}'${why}`);
    }
  }
  const { nCritic, gradientPenalty, weightClip, labelSmoothing, instanceNoise, featureMatching, emaDecay, optimizer, learningRate, beta1, beta, latent, likelihood, identity, criticLayers } = options;
  if (identity !== undefined) check(identity >= 0 && Number.isFinite(identity), 'identity', 'a number ≥ 0', identity);
  if (criticLayers !== undefined) check(criticLayers === 2 || criticLayers === 3, 'criticLayers', '2 or 3', criticLayers);
  const { discriminator } = options;
  if (discriminator !== undefined) {
    check((DISCRIMINATOR_KINDS as readonly string[]).includes(discriminator), 'discriminator', `one of ${DISCRIMINATOR_KINDS.join(', ')}`, discriminator);
  }
  if (nCritic !== undefined) check(Number.isInteger(nCritic) && nCritic >= 1, 'nCritic', 'an integer ≥ 1', nCritic);
  if (gradientPenalty !== undefined) check(gradientPenalty >= 0 && Number.isFinite(gradientPenalty), 'gradientPenalty', 'a number ≥ 0', gradientPenalty);
  if (weightClip !== undefined) check(weightClip > 0 && Number.isFinite(weightClip), 'weightClip', 'a positive number', weightClip);
  if (labelSmoothing !== undefined) check(labelSmoothing >= 0 && labelSmoothing < 1, 'labelSmoothing', 'in [0, 1)', labelSmoothing);
  if (instanceNoise !== undefined) check(instanceNoise >= 0 && Number.isFinite(instanceNoise), 'instanceNoise', 'a number ≥ 0', instanceNoise);
  if (featureMatching !== undefined) check(featureMatching > 0 && Number.isFinite(featureMatching), 'featureMatching', 'a positive number', featureMatching);
  if (emaDecay !== undefined) check(emaDecay > 0 && emaDecay < 1, 'emaDecay', 'in (0, 1)', emaDecay);
  if (optimizer !== undefined) check((OPTIMIZER_NAMES as readonly string[]).includes(optimizer), 'optimizer', `one of ${OPTIMIZER_NAMES.join(', ')}`, optimizer);
  if (learningRate !== undefined) check(learningRate > 0 && Number.isFinite(learningRate), 'learningRate', 'a positive number', learningRate);
  if (beta !== undefined) check(beta > 0 && Number.isFinite(beta), 'beta', 'a positive number', beta);
  if (latent !== undefined) check(Number.isInteger(latent) && latent >= 1 && latent <= 1024, 'latent', 'an integer in [1, 1024]', latent);
  if (likelihood !== undefined) check((LIKELIHOOD_NAMES as readonly string[]).includes(likelihood), 'likelihood', `one of ${LIKELIHOOD_NAMES.join(', ')}`, likelihood);
  if (beta1 !== undefined) {
    check(beta1 >= 0 && beta1 < 1, 'beta1', 'in [0, 1)', beta1);
    if (optimizer === 'rmsprop') throw new Error('--beta1 applies to --optimizer adam, not rmsprop');
  }
}

/**
 * Options of a resumed run: the checkpoint's, with any given now that agree. Returns an error
 * message naming the first conflicting flag instead, if any.
 */
export function mergeResumedOptions(saved: TrainerOptions, given: TrainerOptions): TrainerOptions | string {
  for (const [name, value] of Object.entries(given) as [TrainerOptionName, unknown][]) {
    if (value === undefined) continue;
    const savedValue = saved[name] ?? (name === 'spectralNorm' || name === 'minibatchDiscrimination' ? false : undefined);
    if (savedValue !== value) {
      const flag = TRAINER_OPTION_FLAGS[name];
      if (typeof value === 'boolean') return `trains ${savedValue === true ? 'with' : 'without'} ${flag}, not ${value ? 'with' : 'without'} it`;
      return `trains with ${flag} ${savedValue === undefined ? "unset (the family's default)" : String(savedValue)}, not ${String(value)}`;
    }
  }
  return { ...saved, ...given };
}

/** The options that are set, for saving in a checkpoint. */
export function definedOptions(options: TrainerOptions): TrainerOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as TrainerOptions;
}
