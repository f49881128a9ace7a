import type { OptimizerName } from '../trainers/trainer-options.js';

/** Everything that defines one 2-D GAN or VEEGAN training run, apart from the dataset and the seed. */
export interface Gan2dSettings {
  method: 'gan' | 'veegan';
  /** Adversarial loss by registry name (GANs; VEEGAN has its own cross-entropy objective). */
  loss: string;
  steps: number;
  /** Discriminator inputs per update (packs, with `pack` > 1). */
  batchSize: number;
  nCritic: number;
  pack: number;
  /** Unrolled D steps in G's loss (0: none). */
  unrolled: number;
  /** SGD step size of the unrolled D updates (with `unrollOptimizer` absent). */
  unrollLearningRate: number;
  /**
   * `adam`: each unrolled D step is the update D's Adam optimizer would make from its current moments, at D's learning
   * rate, as in Metz et al.'s code (absent: plain SGD steps of `unrollLearningRate`).
   */
  unrollOptimizer?: 'adam';
  weightClip?: number;
  gradientPenalty?: number;
  spectralNorm: boolean;
  /**
   * With `spectralNorm`: `hidden` leaves D's output layer free, so D is Lipschitz-bounded up to a scale it learns
   * (absent: every layer, D 1-Lipschitz in data units).
   */
  spectralNormLayers?: 'hidden';
  /** Decay of an exponential moving average of G's weights, which then samples and ships (absent: no average). */
  emaDecay?: number;
  optimizer: OptimizerName;
  learningRate: number;
  /** D's learning rate where it differs from G's (absent: `learningRate`); unrolled GANs train D slower than G. */
  discriminatorLearningRate?: number;
  /** Decay every learning rate linearly to 0 over the run (default: constant). */
  learningRateDecay?: 'linear';
  beta1: number;
  /** Size of z; PacGAN's and VEEGAN's 2-D experiments use 2. */
  latentDim: number;
  generatorHidden: readonly number[];
  /** Batch norm after each of G's hidden layers (PacGAN's generator); default off. */
  generatorBatchNorm?: boolean;
  discriminatorHidden: readonly number[];
  /**
   * VEEGAN: σ of a Gaussian reconstructor (the authors' code: 1), whose noisy codes F(x) + σε make D's data pairs and
   * whose negative log-likelihood is the reconstruction term; absent: a deterministic F with the squared error.
   */
  reconstructorNoise?: number;
}

/**
 * Defaults: G 2-d normal z → 3×128 ReLU → point; D 3×128 LeakyReLU → logit; Adam(1e-3, β1 0.5), batch 256,
 * non-saturating loss. Smaller than PacGAN's nets (G 4×400 with batch norm, D 3×200 maxout) so that a run
 * fits the CPU budget; the study reports the sizes it used.
 */
export const GAN_2D_DEFAULTS: Gan2dSettings = {
  method: 'gan',
  loss: 'non-saturating',
  steps: 5000,
  batchSize: 256,
  nCritic: 1,
  pack: 1,
  unrolled: 0,
  unrollLearningRate: 1e-2,
  spectralNorm: false,
  optimizer: 'adam',
  learningRate: 1e-3,
  beta1: 0.5,
  latentDim: 2,
  generatorHidden: [128, 128, 128],
  discriminatorHidden: [128, 128, 128],
};

/** Checks settings, with a one-line error naming the bad one. */
export function validateGan2dSettings(settings: Gan2dSettings): void {
  const positiveInteger = (name: string, value: number, min = 1): void => {
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got ${value}`);
  };
  positiveInteger('steps', settings.steps, 0);
  positiveInteger('batch size', settings.batchSize);
  positiveInteger('n-critic', settings.nCritic);
  positiveInteger('pack', settings.pack);
  positiveInteger('unrolled', settings.unrolled, 0);
  positiveInteger('latent', settings.latentDim);
  if (!(settings.learningRate > 0)) throw new Error(`learning rate must be positive, got ${settings.learningRate}`);
  if (settings.discriminatorLearningRate !== undefined && !(settings.discriminatorLearningRate > 0)) {
    throw new Error(`D's learning rate must be positive, got ${settings.discriminatorLearningRate}`);
  }
  if (settings.unrollOptimizer === 'adam' && settings.optimizer !== 'adam') throw new Error(`unrolling Adam steps needs D trained with Adam, got ${settings.optimizer}`);
  if (settings.emaDecay !== undefined && !(settings.emaDecay > 0 && settings.emaDecay < 1)) throw new Error(`EMA decay must be in (0, 1), got ${settings.emaDecay}`);
  if (!(settings.unrollLearningRate > 0)) throw new Error(`unroll step size must be positive, got ${settings.unrollLearningRate}`);
  const sizes = (name: string, hidden: readonly number[]): void => {
    if (hidden.length === 0 || !hidden.every((n) => Number.isInteger(n) && n >= 1)) throw new Error(`${name} must be one or more layer sizes ≥ 1, got [${hidden.join(', ')}]`);
  };
  sizes("G's hidden layers", settings.generatorHidden);
  sizes("D's hidden layers", settings.discriminatorHidden);
  if (settings.reconstructorNoise !== undefined) {
    if (settings.method !== 'veegan') throw new Error('a noisy reconstructor is VEEGAN\'s (veegan-2d)');
    if (!(settings.reconstructorNoise > 0)) throw new Error(`the reconstructor's noise must be positive, got ${settings.reconstructorNoise}`);
  }
  if (settings.method === 'veegan' && (settings.pack !== 1 || settings.unrolled !== 0 || settings.nCritic !== 1)) {
    throw new Error('veegan-2d takes no --pack, --unrolled or --n-critic');
  }
}
