import type { Manifest } from '@genzoo/core';
import { fDivergenceTitle } from '../losses/f-divergences.js';
import { DEFAULT_GAN_LOSS } from '../losses/registry.js';
import type { TrainerOptions } from '../trainers/trainer-options.js';

/** A `gan-mlp` run as its card tells it apart from its siblings: the loss and the training tricks. */
export interface GanMlpSettings {
  /** Loss by registry name (`non-saturating` when the run left it at the default). */
  loss: string;
  /** The f-divergence's title (`Pearson χ²`) for an f-GAN loss. */
  divergence?: string;
  /** The tricks it trained with, in a fixed order, as short names (`label smoothing 0.1`). */
  tricks: string[];
}

/** The name the family registers in `training.trainingFamily`. */
export const GAN_MLP_FAMILY = 'gan-mlp';

/** The loss and tricks of a `gan-mlp` run's trainer options. */
export function ganMlpSettings(trainer: TrainerOptions | undefined): GanMlpSettings {
  const options = trainer ?? {};
  const loss = options.loss ?? DEFAULT_GAN_LOSS;
  const divergence = fDivergenceTitle(loss);
  const tricks = [
    options.labelSmoothing ? `one-sided label smoothing ${options.labelSmoothing}` : undefined,
    options.instanceNoise ? `instance noise σ = ${options.instanceNoise}` : undefined,
    options.featureMatching === undefined ? undefined : `feature matching (weight ${options.featureMatching})`,
    options.minibatchDiscrimination === true ? 'minibatch discrimination' : undefined,
    options.spectralNorm === true ? 'spectral norm' : undefined,
    options.gradientPenalty === undefined ? undefined : `gradient penalty λ = ${options.gradientPenalty}`,
    options.weightClip === undefined ? undefined : `weight clipping ${options.weightClip}`,
    options.nCritic === undefined || options.nCritic === 1 ? undefined : `${options.nCritic} D steps per G step`,
  ].filter((trick): trick is string => trick !== undefined);
  return { loss, ...(divergence === undefined ? {} : { divergence }), tricks };
}

/** The settings a shipped `gan-mlp` manifest records, or undefined for a model of another family. */
export function ganMlpSettingsOf(manifest: Manifest): GanMlpSettings | undefined {
  if (manifest.training['trainingFamily'] !== GAN_MLP_FAMILY) return undefined;
  return ganMlpSettings(manifest.training['trainer'] as TrainerOptions | undefined);
}

/** Whether a run's settings study the generator loss alone: minimax or non-saturating, without tricks. */
export function isPlainCrossEntropyGan(settings: GanMlpSettings): boolean {
  return (settings.loss === 'minimax' || settings.loss === 'non-saturating') && settings.tricks.length === 0;
}
