import { GAN_2D_DEFAULTS, type Gan2dSettings } from '../families/gan-2d-settings.js';

/** One row of the study: a method and the settings it trains with (on top of {@link GAN_2D_DEFAULTS}). */
export interface StudyConfig {
  name: string;
  title: string;
  settings: Partial<Gan2dSettings>;
}

/**
 * The eight methods of issue #7. Regularizer settings follow each method's paper or reference code:
 * WGAN clip 0.01, 5 critic steps, RMSprop 5e-5; WGAN-GP λ 0.1 (the WGAN-GP authors' 2-D toy code),
 * 5 critic steps, Adam(1e-4, β1 0.5); unrolled GAN 5 steps of D's Adam, D at 1e-4 (Metz et al.'s 2-D code: D learns
 * 10× slower than G, which alone makes the plain GAN hop between modes; see `ns-gan-slow-d`); PacGAN packs of 2 and 4.
 */
export const STUDY_CONFIGS: readonly StudyConfig[] = [
  { name: 'gan', title: 'GAN (minimax)', settings: { loss: 'minimax' } },
  { name: 'ns-gan', title: 'non-saturating GAN', settings: { loss: 'non-saturating' } },
  { name: 'wgan', title: 'WGAN (clip 0.01)', settings: { loss: 'wasserstein', weightClip: 0.01, nCritic: 5, optimizer: 'rmsprop', learningRate: 5e-5 } },
  { name: 'wgan-gp', title: 'WGAN-GP (λ 0.1)', settings: { loss: 'wasserstein', gradientPenalty: 0.1, nCritic: 5, learningRate: 1e-4 } },
  { name: 'hinge-sn', title: 'hinge + spectral norm', settings: { loss: 'hinge', spectralNorm: true } },
  { name: 'pacgan2', title: 'PacGAN2 (non-saturating)', settings: { loss: 'non-saturating', pack: 2 } },
  { name: 'pacgan4', title: 'PacGAN4 (non-saturating)', settings: { loss: 'non-saturating', pack: 4 } },
  { name: 'unrolled', title: 'unrolled GAN (5 Adam steps, D lr 1e-4)', settings: { loss: 'non-saturating', unrolled: 5, unrollOptimizer: 'adam', discriminatorLearningRate: 1e-4 } },
  { name: 'veegan', title: 'VEEGAN', settings: { method: 'veegan' } },
];

/**
 * Configurations outside `all`, named explicitly: `gan-bn` is the minimax GAN with batch norm in G (PacGAN's
 * generator style), which on the ring collapses to a few modes and hops between them, as published
 * baselines do; the plain MLP generator of `gan` covers the ring in pilots. `ns-gan-slow-d` is the unrolled row's
 * control: the same non-saturating GAN with D 10× slower than G and no unrolling, which hops between single modes. `pacgan2-ema` and `pacgan4-ema` are
 * our candidates for the best rows: PacGAN whose shipped generator is an average of G's weights, with the
 * learning rate decayed to 0, because the high-quality share is limited by G's samples jittering around each mode
 * from one update to the next, which averaging and annealing both damp. `pacgan2-minimax-ema` swaps the
 * non-saturating generator loss for the original minimax one: the non-saturating G minimizes
 * KL(p_g‖p_data) − 2·JSD (Arjovsky & Bottou 2017), a mode-seeking objective that lets a starved mode of the grid stay
 * starved, while minimax G follows the JSD itself, and the minimax GAN is also the plain row that covers the ring.
 * `veegan-authors` is VEEGAN as its authors' 2-D code runs it: z of 254 dimensions, a Gaussian reconstructor of σ 1
 * whose noisy codes make D's data pairs, G and F with two hidden layers, D with one, batch 500. `veegan-gaussian-f`
 * keeps the study's 2-d z and networks and makes only F Gaussian (σ 0.5): with a deterministic F the reconstruction
 * term forbids the many-to-one G that tight modes need (every z of a mode maps to one point, so F cannot tell them
 * apart), while a Gaussian F only asks each mode's codes to be a σ-wide blob, which 8 or 25 blobs tiling N(0, I) can be
 * (but so can 4, and on the grid some seeds settle on a 2×2 block of modes: docs/mode-collapse).
 */
export const EXTRA_CONFIGS: readonly StudyConfig[] = [
  { name: 'gan-bn', title: 'GAN (minimax), batch-norm G', settings: { loss: 'minimax', generatorBatchNorm: true } },
  { name: 'ns-gan-slow-d', title: 'non-saturating GAN, D lr 1e-4 (the unrolled GAN with 0 steps)', settings: { loss: 'non-saturating', discriminatorLearningRate: 1e-4 } },
  { name: 'hinge-sn-hidden', title: 'hinge + spectral norm on D\'s hidden layers', settings: { loss: 'hinge', spectralNorm: true, spectralNormLayers: 'hidden' } },
  { name: 'pacgan2-ema', title: 'PacGAN2 + EMA of G (0.999), linear LR decay', settings: { loss: 'non-saturating', pack: 2, emaDecay: 0.999, learningRateDecay: 'linear' } },
  { name: 'pacgan2-minimax-ema', title: 'PacGAN2, minimax loss, EMA of G (0.999), linear LR decay', settings: { loss: 'minimax', pack: 2, emaDecay: 0.999, learningRateDecay: 'linear' } },
  {
    name: 'veegan-authors',
    title: "VEEGAN, the authors' 2-D setting (254-d z, Gaussian F, batch 500)",
    settings: { method: 'veegan', latentDim: 254, reconstructorNoise: 1, batchSize: 500, generatorHidden: [128, 128], discriminatorHidden: [128] },
  },
  { name: 'veegan-gaussian-f', title: 'VEEGAN, Gaussian F (σ 0.5)', settings: { method: 'veegan', reconstructorNoise: 0.5 } },
  { name: 'pacgan4-ema', title: 'PacGAN4 + EMA of G (0.999), linear LR decay', settings: { loss: 'non-saturating', pack: 4, emaDecay: 0.999, learningRateDecay: 'linear' } },
];

/** The configurations named in a comma list (`all` for {@link STUDY_CONFIGS}), with a one-line error for unknown names. */
export function studyConfigs(list: string): StudyConfig[] {
  if (list === 'all') return [...STUDY_CONFIGS];
  const known = [...STUDY_CONFIGS, ...EXTRA_CONFIGS];
  return list.split(',').map((part) => {
    const name = part.trim();
    const config = known.find((c) => c.name === name);
    if (config === undefined) throw new Error(`unknown study configuration '${name}' (expected all or some of ${known.map((c) => c.name).join(', ')})`);
    return config;
  });
}

/** A configuration's full settings, with study-wide overrides (e.g. `steps`) applied last. */
export function resolveSettings(config: StudyConfig, overrides: Partial<Gan2dSettings> = {}): Gan2dSettings {
  return { ...GAN_2D_DEFAULTS, ...config.settings, ...overrides };
}
