import { dirname, join, resolve } from 'node:path';
import type { Manifest } from '@genzoo/core';
import { GAN_MLP_EMA_DECAY, GAN_MLP_OPTIMIZER } from '../families/gan-mlp-family.js';
import { getGanLoss } from '../losses/registry.js';
import { GAN_MLP_FEATURE_LAYER, GAN_MLP_LATENT, GAN_MLP_MINIBATCH } from '../models/gan-mlp.js';
import type { TrainerOptions } from '../trainers/trainer-options.js';
import { datasetDisplayName, datasetSubject } from './dataset-names.js';
import { earlyTraining, readEarlyTraining, readLossPoints, writeEarlyTraining, EARLY_TRAINING_STEPS, type EarlyTraining } from './figures/early-training.js';
import { writeEarlyTrainingFigure, type EarlyTrainingCurve } from './figures/early-training-figure.js';
import type { CardFigure } from './figures/model-figures.js';
import { ganMlpSettings, ganMlpSettingsOf, isPlainCrossEntropyGan, type GanMlpSettings } from './gan-mlp-settings.js';
import { evaluationNote, fGanObjective, fGanSection } from './f-gan-card.js';
import { tricksAblationTable } from './gan-comparison-tables.js';
import type { CardContext, ProfileRun, PublishFigureContext, PublishProfile } from './publish-profile.js';
import { readSiblingManifests } from './sibling-manifests.js';
import { ganGenerator, offDataSection } from './gan-graphs.js';
import { averageDecayText } from './weight-average-text.js';

/** The figure of the first steps' saturation diagnostics. */
export const EARLY_TRAINING_FIGURE: Omit<CardFigure, 'caption'> = {
  file: 'early-training.png',
  title: `Early training: the generator's gradient norm and D(G(z)) over the first ${EARLY_TRAINING_STEPS} steps`,
  alt: "the generator's gradient norm (log scale) and the mean D(G(z)) over the first training steps",
};

const LOSS_NAMES: Record<string, string> = { minimax: 'minimax loss', 'non-saturating': 'non-saturating loss' };

function lossName(settings: GanMlpSettings): string {
  if (settings.divergence !== undefined) return settings.divergence;
  return LOSS_NAMES[settings.loss] ?? `${settings.loss} loss`;
}

function shortTrick(trick: string): string {
  return trick.replace(/ [\d.]+$| σ = .*| \(weight .*\)| λ = .*/, '');
}

function modelName(settings: GanMlpSettings, dataset: string): string {
  const base = settings.divergence !== undefined ? `f-GAN, ${settings.divergence}` : settings.loss === 'non-saturating' && settings.tricks.length > 0 ? 'GAN' : `GAN, ${lossName(settings)}`;
  return `${[base, ...settings.tricks.map(shortTrick)].join(' + ')} (${dataset})`;
}

function lossObjective(settings: GanMlpSettings): string {
  if (settings.loss === 'minimax') {
    return 'Original minimax GAN (Goodfellow et al. 2014), the generator loss exactly as in the minimax game: D minimises the cross-entropy softplus(−D(x)) + softplus(D(G(z))) on its logit, ' +
      'and G minimises E[log(1 − σ(D(G(z))))] = −E[softplus(D(G(z)))]. Its gradient with respect to the logit is −σ(D(G(z))), which vanishes when D confidently rejects the fakes: the saturation the paper warns about.';
  }
  if (settings.loss === 'non-saturating') {
    return 'Non-saturating GAN (Goodfellow et al. 2014\'s recommended heuristic): D minimises the cross-entropy softplus(−D(x)) + softplus(D(G(z))) on its logit, ' +
      'and G maximises log σ(D(G(z))), i.e. minimises E[softplus(−D(G(z)))], whose gradient 1 − σ(D(G(z))) is largest exactly when D rejects the fakes.';
  }
  if (settings.divergence !== undefined) return fGanObjective(settings.divergence, 'The networks and optimizer are those of every `gan-mlp` model');
  return `${getGanLoss(settings.loss).description}.`;
}

function tricksObjective(trainer: TrainerOptions): string[] {
  const sentences: string[] = [];
  if (trainer.labelSmoothing) {
    sentences.push(`One-sided label smoothing (Salimans et al. 2016): D's targets for real images are ${1 - trainer.labelSmoothing} instead of 1; fakes keep 0.`);
  }
  if (trainer.instanceNoise) {
    sentences.push(`Instance noise (Sønderby et al. 2017; Arjovsky & Bottou 2017): Gaussian noise of std ${trainer.instanceNoise} (pixels in [−1, 1]) on every D input, real and fake, constant over the run.`);
  }
  if (trainer.featureMatching !== undefined) {
    sentences.push(
      `Feature matching (Salimans et al. 2016): G's loss adds ${trainer.featureMatching} × ‖mean f(x) − mean f(G(z))‖² over the batch, f the 256 activations of D's last hidden layer (\`${GAN_MLP_FEATURE_LAYER}\`), ` +
        'added to the adversarial term rather than replacing it.',
    );
  }
  if (trainer.minibatchDiscrimination === true) {
    sentences.push(
      `Minibatch discrimination (Salimans et al. 2016): a learned tensor T projects D's 256 features to ${GAN_MLP_MINIBATCH.kernels} rows of ${GAN_MLP_MINIBATCH.kernelDim}; ` +
        'for each row, the sum over the other examples of the batch of exp(−L1 distance) is appended to the features, so D sees how alike the batch is. ' +
        'Real and fake batches go through D separately.',
    );
  }
  if (trainer.spectralNorm === true) sentences.push("Every dense layer of D is spectrally normalized (Miyato et al. 2018; one power iteration per step).");
  if (trainer.gradientPenalty !== undefined) sentences.push(`Gradient penalty λ = ${trainer.gradientPenalty} on D.`);
  if (trainer.weightClip !== undefined) sentences.push(`D's weights are clipped to [−${trainer.weightClip}, ${trainer.weightClip}].`);
  return sentences;
}

function optimizerText(run: ProfileRun): string {
  const trainer = run.trainer ?? {};
  const lr = trainer.learningRate ?? GAN_MLP_OPTIMIZER.learningRate;
  const nCritic = trainer.nCritic ?? 1;
  const rate = lr.toExponential();
  const optimizer = trainer.optimizer === 'rmsprop' ? `RMSProp(${rate})` : `Adam(${rate}, β1 = ${trainer.beta1 ?? GAN_MLP_OPTIMIZER.beta1})`;
  return `${optimizer} for both networks, ${nCritic} D step${nCritic === 1 ? '' : 's'} per G step. ` +
    `The shipped generator is an exponential moving average of G's weights (${averageDecayText(run, trainer.emaDecay ?? GAN_MLP_EMA_DECAY)}).`;
}

function architecture(trainer: TrainerOptions): string {
  const minibatch = trainer.minibatchDiscrimination === true
    ? ` → minibatch discrimination (${GAN_MLP_MINIBATCH.kernels} kernels × ${GAN_MLP_MINIBATCH.kernelDim}, 256 + ${GAN_MLP_MINIBATCH.kernels} features)`
    : '';
  return `G (fully connected, as in Goodfellow et al. 2014's MNIST nets, with LeakyReLU): z(${GAN_MLP_LATENT}) → dense 256 → LeakyReLU 0.2 → dense 512 → LeakyReLU 0.2 → dense 784 → tanh → reshape 28×28×1; no batch norm. ` +
    `D (training only, not shipped): flatten 784 → dense 512 → LeakyReLU 0.2 → dense 256 → LeakyReLU 0.2${minibatch} → dense 1 (a logit, or V for the f-GAN losses)` +
    `${trainer.spectralNorm === true ? ', every dense layer spectrally normalized' : ''}. All weights start from N(0, 0.02²), seeded.`;
}

function earlyTrainingCaption(settings: GanMlpSettings): string {
  return 'Early training, this model drawn thick (thin lines: the plain minimax and non-saturating models beside it in the models folder). ' +
    `The global L2 norm of G's gradient (left, log scale) and the mean probability σ(D(G(z))) that D gives the fakes of each generator update (right), ` +
    `both averaged over 10-step buckets of the first ${EARLY_TRAINING_STEPS} steps (\`gGrad\` and \`dFake\` in the run's losses.jsonl). ` +
    'With the minimax loss G minimises log(1 − D(G(z))), whose gradient through the logit is −D(G(z)): as soon as D learns to reject the fakes (D(G(z)) → 0), G\'s gradient collapses and G learns slowly just when it is worst. ' +
    'The non-saturating loss −log D(G(z)) has gradient 1 − D(G(z)) there, largest when the fakes are rejected. ' +
    'Adam divides each update by a running gradient scale, so a small gradient still moves G: saturation slows the minimax generator rather than stopping it outright.' +
    (settings.tricks.length > 0 ? ' This model also trains with the tricks above, which change D and therefore these curves.' : '');
}

/** The other curves of `own`'s figure: those the plain minimax and non-saturating models in `modelsDir` left in their folders. */
export function siblingEarlyTraining(modelsDir: string, own: Manifest): EarlyTrainingCurve[] {
  return readSiblingManifests(modelsDir, own.id)
    .filter((other) => other.dataset.name === own.dataset.name)
    .flatMap((other) => {
      const settings = ganMlpSettingsOf(other);
      if (settings === undefined || !isPlainCrossEntropyGan(settings)) return [];
      const series = readEarlyTraining(join(modelsDir, other.id));
      return series === undefined ? [] : [{ label: `${other.id} (${settings.loss})`, series, own: false }];
    });
}

/** Draws the figure of `manifest`'s series beside its siblings' into `folder`. */
async function drawEarlyTraining(folder: string, modelsDir: string, manifest: Manifest, series: EarlyTraining): Promise<void> {
  const curves = [{ label: `${manifest.id} (${series.loss}, this model)`, series, own: true }, ...siblingEarlyTraining(modelsDir, manifest)];
  await writeEarlyTrainingFigure(curves, join(folder, EARLY_TRAINING_FIGURE.file));
}

async function publishEarlyTraining(settings: GanMlpSettings, { generator, folder, runDir }: PublishFigureContext): Promise<CardFigure[]> {
  if (runDir === undefined) return [];
  const series = earlyTraining(readLossPoints(runDir), settings.loss);
  if (series === undefined) return [];
  writeEarlyTraining(folder, series);
  // The folder is staged beside its final place, so its parent is the models folder.
  await drawEarlyTraining(folder, dirname(resolve(folder)), generator.manifest, series);
  return [{ ...EARLY_TRAINING_FIGURE, caption: earlyTrainingCaption(settings) }];
}

/** Redraws the figure with the siblings published since (on `genzoo train card`); a folder without a series keeps what it has. */
async function refreshEarlyTraining({ folder, modelsDir, manifest }: { folder: string; modelsDir: string; manifest: Manifest }): Promise<void> {
  const series = readEarlyTraining(folder);
  if (series !== undefined && Object.values(manifest.files.figures ?? {}).includes(EARLY_TRAINING_FIGURE.file)) await drawEarlyTraining(folder, modelsDir, manifest, series);
}

function cardSections(settings: GanMlpSettings, { manifest, siblings }: CardContext): string[] {
  const sections: string[] = [...offDataSection(manifest)];
  const figure = Object.values(manifest.files.figures ?? {}).includes(EARLY_TRAINING_FIGURE.file);
  if (figure) {
    sections.push('## Early training', '', `![${EARLY_TRAINING_FIGURE.alt}](${EARLY_TRAINING_FIGURE.file})`, '', earlyTrainingCaption(settings), '');
  }
  sections.push(...fGanSection(manifest, siblings, 'MLP', 'the non-saturating MLP GAN'));
  const ablation = tricksAblationTable(manifest, siblings);
  if (ablation !== undefined) {
    sections.push('## Training tricks ablation', '',
      `The non-saturating MLP GANs of this folder on ${datasetDisplayName(manifest.dataset.name)}: the baseline without tricks and each trick on its own, otherwise the same networks and optimizer (this model in bold). ` +
        evaluationNote(manifest), '', ablation, '');
  }
  return sections;
}

/** Profile of a `gan-mlp`-family run: the MLP GAN with its loss (minimax, non-saturating, an f-GAN divergence, …) and tricks. */
export function ganMlpProfile(run: ProfileRun): PublishProfile {
  const dataset = datasetDisplayName(run.dataset);
  const trainer = run.trainer ?? {};
  const settings = ganMlpSettings(trainer);
  const studiesSaturation = settings.loss === 'minimax' || settings.loss === 'non-saturating';
  const tricks = settings.tricks.length === 0 ? '' : `, trained with ${settings.tricks.join(', ')}`;
  return {
    family: settings.divergence === undefined ? 'gan' : 'f-gan',
    name: modelName(settings, dataset),
    description: `A fully connected GAN with the ${lossName(settings)}${settings.divergence === undefined ? '' : ' f-divergence'}${tricks}: draws 28×28 ${dataset} images from a ${GAN_MLP_LATENT}-d Gaussian latent.`,
    objective: [lossObjective(settings), ...tricksObjective(trainer), optimizerText(run)].join(' '),
    architecture: architecture(trainer),
    weaknesses:
      `A fully connected generator has no convolutional prior and must learn every shape pixel by pixel; each run was minutes on a CPU (see Training), far short of convergence, so expect speckled and partly broken ${datasetSubject(run.dataset)}s. ` +
      'GAN training does not maximise likelihood and there is none to report; mode dropping shows only in recall and in the samples. ' +
      (settings.divergence !== undefined
        ? 'The f-GAN bound is estimated on one minibatch per step and some divergences (KL, Pearson χ²) have unbounded conjugates, so their D losses are noisy and one run per divergence says little about the divergence itself: differences in the table are within what a different seed could give. '
        : '') +
      (settings.tricks.length > 0 ? 'Each trick was tried at one setting and one seed; the ablation shows what it did in this run, not its best case. ' : '') +
      'Distribution metrics (FID, KID, precision/recall) are in the manifest once `genzoo eval` has run.',
    ...ganGenerator(),
    ...(studiesSaturation ? { publishFigures: (context: PublishFigureContext) => publishEarlyTraining(settings, context), refreshFigures: refreshEarlyTraining } : {}),
    cardSections: (context) => cardSections(settings, context),
  };
}
