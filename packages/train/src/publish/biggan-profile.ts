import { BIGGAN_BETA1, BIGGAN_DEFAULT_LOSS, BIGGAN_EMA_DECAY, BIGGAN_LEARNING_RATE } from '../families/biggan-family.js';
import { BIGGAN_CLASSES, BIGGAN_LATENT, BIGGAN_WIDTHS } from '../models/biggan-mini.js';
import { classAgreementSection } from './class-figures.js';
import { datasetDisplayName, ganArtefacts } from './dataset-names.js';
import { evaluationClassifierId } from './evaluation-classifier.js';
import { renderTruncationRows, TRUNCATION_FIGURE_FILE, truncationFigure } from './figures/truncation-rows.js';
import type { CardContext, ProfileRun, PublishProfile } from './publish-profile.js';
import { CONDITIONAL_GAN_SAMPLES, ganGenerator } from './gan-graphs.js';
import { averageDecayText } from './weight-average-text.js';

function objective(run: ProfileRun): string {
  const trainer = run.trainer ?? {};
  const loss = trainer.loss ?? BIGGAN_DEFAULT_LOSS;
  const lr = trainer.learningRate ?? BIGGAN_LEARNING_RATE;
  const beta1 = trainer.beta1 ?? BIGGAN_BETA1;
  const nCritic = trainer.nCritic ?? 1;
  const lossText =
    loss === 'hinge'
      ? 'Hinge loss (Lim & Ye 2017; Miyato et al. 2018): D minimises E[max(0, 1 − D(x, y))] + E[max(0, 1 + D(G(z, y), y))], G minimises −E[D(G(z, y), y)]'
      : `The \`${loss}\` adversarial loss`;
  const optimizer =
    trainer.optimizer === 'rmsprop'
      ? `RMSProp(${lr}) for both networks`
      : `Adam(${lr}, β1 = ${beta1}, β2 = 0.999) for both networks: BigGAN's two time-scale rule (D 4× G from 1e-4, β1 0) kept the spectrally normalized D ahead and G's samples grey noise for hundreds of steps at this scale`;
  return (
    `Class-conditional GAN with the BigGAN ingredients (Brock et al. 2019) at MNIST scale. ${lossText}; real images come with their dataset labels y, ` +
    `fakes with labels drawn uniformly. ${optimizer}, ${nCritic} D step${nCritic === 1 ? '' : 's'} per G step, batch as trained (see Training). ` +
    `Spectral normalization (one power iteration per step) on every weight layer of D, none in G. ` +
    `The shipped generator is an exponential moving average of G's weights (${averageDecayText(run, trainer.emaDecay ?? BIGGAN_EMA_DECAY)}, conditional batch-norm statistics included).`
  );
}

/** Profile of a `biggan`-family run: hinge + SN + self-attention GAN with conditional batch norm. */
export function bigganProfile(run: ProfileRun): PublishProfile {
  const dataset = datasetDisplayName(run.dataset);
  const [gWide, gNarrow] = BIGGAN_WIDTHS.generator;
  const [dNarrow, dWide] = BIGGAN_WIDTHS.discriminator;
  return {
    family: 'biggan',
    name: `Hinge + SN + self-attention GAN, conditional BN (${dataset})`,
    description:
      `A class-conditional GAN on ${dataset} built from the BigGAN ingredients: hinge loss, a spectrally normalized projection discriminator, self-attention in both networks ` +
      `and class-conditional batch norm in the generator. Draws an image of a requested class from a ${BIGGAN_LATENT}-d Gaussian latent; supports the truncation trick.`,
    objective: objective(run),
    architecture:
      `G: inputs z(${BIGGAN_LATENT}) and label (one-hot ${BIGGAN_CLASSES}) → dense 7·7·${gWide} (no bias) → conditional batch norm (a γ and β row per class, chosen by the label) → ReLU → ` +
      `reshape 7×7×${gWide} → conv-transpose ${gNarrow}, 4×4, stride 2 (no bias) → conditional batch norm → ReLU → self-attention at 14×14 (SAGAN: 1×1 query/key projections to ${Math.max(1, Math.floor(gNarrow / 8))} channels, ` +
      `value to ${gNarrow}, output x + γ·attention with γ learned from 0) → conv-transpose 1, 4×4, stride 2 → tanh. ` +
      `D (training only, not shipped): φ(x) = SN conv ${dNarrow}, 4×4, stride 2 → LeakyReLU 0.2 → self-attention at 14×14 → SN conv ${dWide}, 4×4, stride 2 → LeakyReLU 0.2 → flatten (7·7·${dWide} features; SNGAN's sum pooling let D overpower G at once here, and mean pooling left it judging texture); ` +
      `D(x, y) = SN dense 1 of φ(x) + ⟨embed(y), φ(x)⟩, embed an SN dense map of the one-hot label to 7·7·${dWide} (the projection discriminator, Miyato & Koyama 2018). ` +
      `Widths are small because the 196×196 attention maps dominate a CPU step: ${gNarrow}/${dNarrow} channels at 14×14 keep a batch-64 step under a second on one core. ` +
      'The graph takes the class as a `label` input (one-hot, ["batch", 10]); `@genzoo/core` builds it from `labels`.',
    weaknesses:
      'Tiny networks (G ~0.3 M parameters, two thirds of them in its first dense layer) trained for minutes on one CPU core, nowhere near BigGAN\'s scale: ' +
      `expect GAN artefacts (${ganArtefacts(run.dataset)}), and samples that are not the requested class (the measured share that is: \`sampleClassAccuracy\`, in Class agreement). ` +
      'In G the first dense layer already gives every 7×7 position the whole latent, so attention at 14×14 can only refine; in D it is what lets the first features (each seeing 4×4 pixels) compare distant parts of the image. ' +
      'Truncation trades variety for fidelity: at 0.04 the latent is nearly 0, so every sample of a class is nearly the same image (truncation figure); ' +
      'the measured trade-off is the fidelity/variety curve once `genzoo eval --truncation-curve` has run. ' +
      'D has no batch statistics but G\'s conditional batch norm does, so G\'s samples in training depend on the batch; the shipped graph uses the moving averages. ' +
      'A GAN gives no likelihood to report; FID, KID, precision and recall are in the manifest once `genzoo eval` has run.',
    ...ganGenerator(true),
    ...CONDITIONAL_GAN_SAMPLES,
    publishFigures: async ({ generator, folder }) => [await renderTruncationRows(generator, folder, BIGGAN_CLASSES)],
    cardSections: ({ manifest, figures }: CardContext) => {
      const sections: string[] = [];
      // A re-rendered card (`genzoo train card`) gets only the generic figures; the manifest still lists this one.
      const listed = Object.values(manifest.files.figures ?? {}).includes(TRUNCATION_FIGURE_FILE);
      const truncation = figures.find((figure) => figure.file === TRUNCATION_FIGURE_FILE) ?? (listed ? truncationFigure(BIGGAN_CLASSES) : undefined);
      if (truncation !== undefined) sections.push('## Truncation trick', '', `![${truncation.alt}](${truncation.file})`, '', truncation.caption, '');
      sections.push(...classAgreementSection(manifest, evaluationClassifierId(run.dataset) ?? 'the evaluation classifier'), '');
      return sections;
    },
  };
}
