import { CGAN_DEFAULT_DISCRIMINATOR, CGAN_EMA_DECAY } from '../families/cgan-family.js';
import { CGAN_CLASSES, CGAN_LATENT } from '../models/cgan-generator.js';
import type { DiscriminatorKind } from '../trainers/trainer-options.js';
import { classAgreementSection } from './class-figures.js';
import { datasetDisplayName, ganArtefacts } from './dataset-names.js';
import { evaluationClassifierId } from './evaluation-classifier.js';
import type { Manifest } from '@genzoo/core';
import type { CardContext, ProfileRun, PublishProfile } from './publish-profile.js';
import { comparisonTable } from './gan-comparison-tables.js';
import { CONDITIONAL_GAN_SAMPLES, ganGenerator } from './gan-graphs.js';
import { averageDecayText } from './weight-average-text.js';

const GENERATOR =
  `G: [z ${CGAN_LATENT}, onehot(y) ${CGAN_CLASSES}] concatenated → dense 7·7·64 (no bias) → batch norm → ReLU → reshape 7×7×64 → ` +
  'conv-transpose 32, 4×4, stride 2 (no bias) → batch norm → ReLU → conv-transpose 1, 4×4, stride 2 → tanh (the DCGAN generator with the class appended to z).';

const TRUNK = 'conv 32, 4×4, stride 2 → LeakyReLU 0.2 → conv 64, 4×4, stride 2 → LeakyReLU 0.2 → flatten (3,136 features)';

const DISCRIMINATORS: Record<DiscriminatorKind, { title: string; architecture: string; conditioning: string }> = {
  concat: {
    title: 'concatenation discriminator',
    architecture:
      `D (training only, not shipped): the one-hot class repeated into ${CGAN_CLASSES} constant 28×28 maps and stacked onto the image (28×28×${CGAN_CLASSES + 1}) → ${TRUNK} → dense 1 (logit).`,
    conditioning: 'D sees the class as extra input channels (Mirza & Osindero 2014, convolutional), so it can judge whether the image fits the class from its first layer on.',
  },
  projection: {
    title: 'projection discriminator',
    architecture:
      `D (training only, not shipped): φ(x) = ${TRUNK} on the image alone; logit = ψ(φ(x)) + ⟨embed(y), φ(x)⟩, ψ a dense 1 and embed a bias-free dense ` +
      `from the one-hot class to 3,136 (one learned vector per class).`,
    conditioning:
      'D is a projection discriminator (Miyato & Koyama 2018): an unconditional realism score ψ(φ(x)) plus the inner product of the image features with a learned embedding of the class, ' +
      'the form the optimal discriminator takes when p(y | x) is log-linear in φ(x).',
  },
};

function optimizerText(run: ProfileRun): string {
  const trainer = run.trainer ?? {};
  return trainer.optimizer === 'rmsprop'
    ? `RMSProp(${trainer.learningRate ?? 2e-4})`
    : `Adam(${trainer.learningRate ?? 2e-4}, β1 = ${trainer.beta1 ?? 0.5})`;
}

/** Profile of a `cgan`-family run: a class-conditional DCGAN with a concatenation or projection discriminator. */
export function cganProfile(run: ProfileRun): PublishProfile {
  const dataset = datasetDisplayName(run.dataset);
  const trainer = run.trainer ?? {};
  const kind = trainer.discriminator ?? CGAN_DEFAULT_DISCRIMINATOR;
  const discriminator = DISCRIMINATORS[kind];
  const loss = trainer.loss ?? 'non-saturating';
  const nCritic = trainer.nCritic ?? 1;
  const lossText = loss === 'non-saturating' ? 'the non-saturating GAN loss (G maximises log D(G(z, y), y))' : `the \`${loss}\` adversarial loss`;
  return {
    family: kind === 'projection' ? 'cgan-projection' : 'cgan',
    name: `Conditional GAN, ${discriminator.title} (${dataset})`,
    description:
      `A class-conditional DCGAN on ${dataset} with a ${discriminator.title}: the generator takes a ${CGAN_LATENT}-d Gaussian latent and a one-hot class, ` +
      'so it draws images of a requested class, the latent carrying the style.',
    objective:
      `Conditional GAN: D(x, y) tells real images with their dataset labels from G(z, y) with classes y drawn uniformly (a fresh draw for every D and G update), ` +
      `trained with ${lossText}. ${discriminator.conditioning} ` +
      `${optimizerText(run)} for both networks, ${nCritic} D update${nCritic === 1 ? '' : 's'} per G update. ` +
      `The shipped generator is an exponential moving average of G's weights (${averageDecayText(run, trainer.emaDecay ?? CGAN_EMA_DECAY)}, batch-norm statistics included).`,
    architecture:
      `${GENERATOR} ${discriminator.architecture} ` +
      `The graph takes the class as a \`label\` input (one-hot, ["batch", ${CGAN_CLASSES}]); \`@genzoo/core\` builds it from \`labels\` (0, 1, 2, … cycling when none are given).`,
    weaknesses:
      `Samples have GAN artefacts: ${ganArtefacts(run.dataset)}, and some look like a neighbouring class rather than the requested one ` +
      '(the share the evaluation classifier agrees with: `sampleClassAccuracy`, in Class agreement). ' +
      'The run was minutes of CPU training with a small DCGAN, so sharpness and variety are below published conditional GANs. ' +
      'Nothing forces the latent to be used: within a class, style can vary less than in the data (partial mode collapse per class). No likelihood to report.',
    ...ganGenerator(true),
    ...CONDITIONAL_GAN_SAMPLES,
    cardSections: ({ manifest, siblings }: CardContext) => [
      ...classAgreementSection(manifest, evaluationClassifierId(run.dataset) ?? 'the evaluation classifier'),
      '',
      ...discriminatorComparison(manifest, siblings),
    ],
  };
}

/** The conditional GANs of the folder on the same dataset side by side: how each discriminator takes the class. */
function discriminatorComparison(manifest: Manifest, siblings: readonly Manifest[]): string[] {
  const peers = [manifest, ...siblings.filter((other) => other.id !== manifest.id && other.dataset.name === manifest.dataset.name && other.family.startsWith('cgan'))];
  if (peers.length < 2) return [];
  const rows = peers.map((model) => {
    const accuracy = model.metrics['sampleClassAccuracy'];
    const discriminator = model.family === 'cgan-projection' ? 'projection' : 'concatenation';
    return { model, first: `${discriminator}${accuracy === undefined ? '' : `, ${(100 * accuracy).toFixed(1)}% of samples of their class`}` };
  });
  return [
    '## Concatenation vs projection discriminator',
    '',
    comparisonTable('discriminator | model', rows, manifest.id),
    '',
    'Both share G and its training settings; compare at equal steps only (the steps column).',
    '',
  ];
}
