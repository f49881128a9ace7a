import type { Mixture2d } from '@genzoo/metrics';
import { getGanLoss } from '../losses/registry.js';
import { TRAINING_POINTS } from './gan-2d-data.js';
import { reproduceFlags } from './gan-2d-flags.js';
import type { PointGeneratorRecord } from './gan-2d-publish.js';
import { GAN_2D_DEFAULTS, type Gan2dSettings } from './gan-2d-settings.js';

/** The protocol's figures of the shipped graph's samples. */
export interface PointGanFigures {
  modesCaptured: number;
  modes: number;
  highQuality: number;
  reverseKl: number;
}

/** Everything a 2-D GAN's card says: the run it ships, and what publishing measured and drew. */
export interface PointGanCard extends Pick<PointGeneratorRecord, 'id' | 'dataset' | 'mixture' | 'settings' | 'seed' | 'wallClockSeconds' | 'backend'> {
  name: string;
  description: string;
  figures: PointGanFigures;
  /** File of the training-snapshot strip, when the run took snapshots. */
  snapshotsFile?: string;
  snapshotSteps?: readonly number[];
}

/** Share of exact N(μ, σ²I) samples within 3σ of μ in 2-D: 1 − e^(−9/2), the protocol's ceiling for high quality. */
const EXACT_HIGH_QUALITY = 1 - Math.exp(-4.5);

function method(settings: Gan2dSettings): string {
  if (settings.method === 'veegan') {
    const sigma = settings.reconstructorNoise;
    const pairs = sigma === undefined ? '(F(x), x)' : `(F(x) + ${sigma}ε, x), ε standard normal`;
    const reconstruction = sigma === undefined ? '‖z − F(G(z))‖²' : `‖z − F(G(z))‖² / ${2 * sigma * sigma} (the negative log-likelihood of a Gaussian F of σ ${sigma}, as in the authors' code)`;
    return (
      `VEEGAN (Srivastava et al. 2017): a reconstructor network F maps data to noise; D tells the pairs (z, G(z)) from ${pairs}, ` +
      `and G and F minimise D's logit plus the reconstruction ${reconstruction}, so a mode G drops shows up as real points F cannot send back to the prior.`
    );
  }
  const loss = getGanLoss(settings.loss).description;
  const parts = [`${loss.charAt(0).toUpperCase()}${loss.slice(1)}.`];
  if (settings.nCritic > 1) parts.push(`${settings.nCritic} D steps per G step.`);
  if (settings.weightClip !== undefined) parts.push(`D's weights clipped to [−${settings.weightClip}, ${settings.weightClip}] after each update (WGAN).`);
  if (settings.gradientPenalty !== undefined) parts.push(`Gradient penalty λ = ${settings.gradientPenalty} on D's gradient norm at random interpolates of real and fake inputs (WGAN-GP).`);
  if (settings.spectralNorm && settings.spectralNormLayers === 'hidden') {
    parts.push('The weight matrices of D\'s hidden layers spectrally normalized (one power iteration per update), its output layer free: D is Lipschitz up to a scale it learns.');
  } else if (settings.spectralNorm) parts.push('Every weight matrix of D spectrally normalized (one power iteration per update).');
  if (settings.pack > 1) {
    parts.push(
      `PacGAN${settings.pack} (Lin et al. 2018): D judges ${settings.pack} samples concatenated into one ${2 * settings.pack}-vector, all real or all fake, ` +
        'so a generator that drops modes gives packs visibly less varied than real ones.',
    );
  }
  if (settings.unrolled > 0) {
    const steps = settings.unrollOptimizer === 'adam' ? "Adam updates D's optimizer would make from its current moments (as in the authors' code)" : `SGD steps (step ${settings.unrollLearningRate})`;
    parts.push(`Unrolled GAN (Metz et al. 2017): G's loss is taken against D after ${settings.unrolled} differentiable ${steps} of D's own update, so G answers the D that its move would provoke.`);
  }
  return parts.join(' ');
}

function optimizer(settings: Gan2dSettings): string {
  const rate = (learningRate: number): string => (settings.optimizer === 'rmsprop' ? `RMSProp(${learningRate})` : `Adam(${learningRate}, β1 = ${settings.beta1})`);
  const d = settings.discriminatorLearningRate;
  const base = d === undefined ? `${rate(settings.learningRate)} for every network` : `${rate(d)} for D, ${rate(settings.learningRate)} for the other networks`;
  return `${base}${settings.learningRateDecay === 'linear' ? ', learning rates decayed linearly to 0 over the run' : ''}`;
}

function architecture(settings: Gan2dSettings): string {
  const hidden = (sizes: readonly number[]): string => sizes.join(' → ');
  const g = `G: z (${settings.latentDim}-d standard normal) → dense ${hidden(settings.generatorHidden)}, each ${settings.generatorBatchNorm === true ? 'batch-normalized and ' : ''}ReLU → dense 2 (the point).`;
  if (settings.method === 'veegan') {
    return `${g} D (training only): (z, x) → dense ${hidden(settings.discriminatorHidden)}, LeakyReLU 0.2 → logit. F (training only): x → dense ${hidden(settings.generatorHidden)}, LeakyReLU 0.2 → z.`;
  }
  return `${g} D (training only): ${2 * settings.pack} inputs → dense ${hidden(settings.discriminatorHidden)}, LeakyReLU 0.2 → one output. Glorot-uniform weights, zero biases, from the run's seed.`;
}

function datasetLine(dataset: string, mixture: Mixture2d): string {
  const layout = dataset === 'ring' ? 'on the unit circle' : 'on the grid {−4, −2, 0, 2, 4}²';
  return `\`${mixture.name}\`: ${mixture.centres.length} equal Gaussians ${layout}, σ = ${mixture.std}; ${TRAINING_POINTS.toLocaleString('en-US')} training points drawn from the seed`;
}

/** The model card of a shipped 2-D GAN: figures, objective, architecture, training, measured figures, known weaknesses. */
export function renderPointGanCard(card: PointGanCard): string {
  const { settings, mixture, figures } = card;
  const radius = 3 * mixture.std;
  const lines = [
    `# ${card.name}`,
    '',
    card.description,
    '',
    '![2,500 samples (red, seed 0) over the data (grey)](samples.png)',
    '',
    `2,500 samples of the shipped ONNX graph (seed 0, drawn by @genzoo/node) in red over the data in grey: **${figures.modesCaptured}/${figures.modes} modes captured, ` +
      `${(100 * figures.highQuality).toFixed(1)}% high quality** (within 3σ = ${radius.toFixed(2)} of a mode centre), **reverse KL ${figures.reverseKl.toFixed(4)}**. ` +
      'The protocol is PacGAN\'s (Lin et al. 2018), implemented by `modeMetrics` of @genzoo/metrics; `genzoo eval` measures it again.',
    '',
  ];
  if (card.snapshotsFile !== undefined && card.snapshotSteps !== undefined) {
    lines.push(
      '## Over training',
      '',
      `![500 samples at ${card.snapshotSteps.length} points of training, left to right](${card.snapshotsFile})`,
      '',
      `The generator at steps ${card.snapshotSteps.join(', ')} (left to right), 500 samples from the same latents each time: how it spread over the modes, and whether it hopped between them.`,
      '',
    );
  }
  lines.push(
    '## Objective',
    '',
    `${method(settings)} ${optimizer(settings)}.${settings.emaDecay === undefined ? '' : ` The shipped generator is an exponential moving average of G's weights (decay ${settings.emaDecay}).`}`,
    '',
    '## Architecture',
    '',
    `${architecture(settings)} The graph \`generator.onnx\` maps z [batch, ${settings.latentDim}] to a point [batch, 2] in the data's coordinates; the latents are drawn by \`@genzoo/core\` from the seed.`,
    '',
    '## Training',
    '',
    '| | |',
    '|---|---|',
    `| dataset | ${datasetLine(card.dataset, mixture)} |`,
    `| steps | ${settings.steps} generator steps × ${settings.batchSize} D inputs per update${settings.pack > 1 ? ` of ${settings.pack} points each` : ''}, seed ${card.seed} |`,
    `| optimizer | ${optimizer(settings)} |`,
    `| wall clock | ${(card.wallClockSeconds / 60).toFixed(1)} min, ${((1000 * card.wallClockSeconds) / Math.max(1, settings.steps)).toFixed(0)} ms/step |`,
    `| backend | ${card.backend.replace(/^backend:\s*/, '')} |`,
    `| reproduce | \`genzoo train ${settings.method === 'veegan' ? 'veegan-2d' : 'gan-2d'} --dataset ${card.dataset} --seed ${card.seed}${reproduceFlags(settings).map((part) => ` ${part}`).join('')} --out models/${card.id}\` |`,
    '',
    '## Known weaknesses',
    '',
    `G is a continuous map of a connected latent space, so a little of its mass always lies between modes (the thin trails between clusters above); those samples, and modes drawn wider than σ, keep the high-quality share under the ${(100 * EXACT_HIGH_QUALITY).toFixed(1)}% that exact samples of the mixture reach. ` +
      'One seed is one draw of a noisy training process: the mode-collapse study (`genzoo train study-2d`, docs/mode-collapse) reports each method\'s mean and standard error over 5 seeds. ' +
      'The model knows nothing but these points, and has no density graph to score.',
    '',
  );
  return lines.join('\n');
}
