import type { AdversarialTrainerOptions } from './adversarial-trainer.js';
import type { TrainerOptions } from './trainer-options.js';

/** The parts of {@link AdversarialTrainerOptions} a run's trainer options choose. */
export type AdversarialSettings = Pick<
  AdversarialTrainerOptions,
  'loss' | 'nCritic' | 'labelSmoothing' | 'weightClip' | 'gradientPenalty' | 'instanceNoise' | 'featureMatching'
>;

/**
 * What `--loss`, `--n-critic`, `--label-smoothing`, `--clip`, `--gp`, `--instance-noise` and `--feature-matching`
 * ask of an {@link AdversarialTrainer}; unset ones are left out (the trainer's defaults). `featureLayer` names the
 * discriminator layer whose activations feature matching compares.
 */
export function adversarialSettings(options: TrainerOptions, loss: string | undefined, featureLayer: string): AdversarialSettings {
  return {
    nCritic: options.nCritic ?? 1,
    ...(loss === undefined ? {} : { loss }),
    ...(options.labelSmoothing === undefined ? {} : { labelSmoothing: options.labelSmoothing }),
    ...(options.weightClip === undefined ? {} : { weightClip: options.weightClip }),
    ...(options.gradientPenalty === undefined ? {} : { gradientPenalty: { weight: options.gradientPenalty } }),
    ...(options.instanceNoise === undefined ? {} : { instanceNoise: { std: options.instanceNoise } }),
    ...(options.featureMatching === undefined ? {} : { featureMatching: { layer: featureLayer, weight: options.featureMatching } }),
  };
}
