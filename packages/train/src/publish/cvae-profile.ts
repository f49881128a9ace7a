import { CVAE_CLASSES, CVAE_LATENT } from '../models/cvae-mlp.js';
import { classAgreementSection } from './class-figures.js';
import { datasetDisplayName } from './dataset-names.js';
import { evaluationClassifierId } from './evaluation-classifier.js';
import { FIGURE_FILES } from './figures/model-figures.js';
import type { CardContext, ProfileRun, PublishProfile } from './publish-profile.js';

/** `samples.png` of a conditional model: one row per class, 10 samples each, row r of class r. */
export const CLASS_ROWS_GRID = {
  n: CVAE_CLASSES * 10,
  columns: 10,
  labels: Array.from({ length: CVAE_CLASSES * 10 }, (_, index) => Math.floor(index / 10)),
  caption: (id: string) =>
    `Samples above: one row per class (row r asks for class r), 10 latents each, seed 0: \`sample({ n: 100, seed: 0, labels })\` with labels 0×10, 1×10, …, 9×10 ` +
    `on \`loadModel('${id}')\`, rendered from the shipped ONNX graph by onnxruntime-node.`,
};

/** Profile of a `cvae`-family run: a class-conditional MLP VAE. */
export function cvaeProfile(run: ProfileRun): PublishProfile {
  const dataset = datasetDisplayName(run.dataset);
  return {
    family: 'cvae',
    name: `Conditional VAE (${dataset})`,
    description:
      `A class-conditional MLP variational autoencoder on ${dataset}: encoder and decoder both see the one-hot class, with a ${CVAE_LATENT}-d Gaussian latent for everything else (style). ` +
      'Draws images of a requested class and reconstructs images of a known class.',
    objective:
      'Maximises the conditional ELBO E_q(z|x,y)[log p(x | z, y)] − KL(q(z | x, y) ‖ N(0, I)), with the class y (the dataset label) fed one-hot to both networks: ' +
      'Bernoulli log-likelihood of the pixels (binary cross-entropy summed over 784 pixels, grey levels as soft targets), the reparameterization trick z = μ + σ·ε, closed-form KL. Adam(1e-3). ' +
      '`heldOutElboNats` is that conditional ELBO in nats per image on the held-out images with their labels (one posterior sample each): a bound on log p(x | y). ' +
      `Since log p(x) ≥ log p(x | y) + log p(y) with p(y) = 1/${CVAE_CLASSES}, subtract log ${CVAE_CLASSES} ≈ ${Math.log(CVAE_CLASSES).toFixed(2)} nats to compare it with an unconditional model's ELBO.`,
    architecture:
      `Encoder q(z | x, y): [flatten(x) 784, onehot(y) ${CVAE_CLASSES}] → dense 512, ReLU → dense 256, ReLU → two dense heads of ${CVAE_LATENT}: μ and log σ². ` +
      `Decoder p(x | z, y): [z ${CVAE_LATENT}, onehot(y) ${CVAE_CLASSES}] → dense 256, ReLU → dense 512, ReLU → dense 784, sigmoid → reshape 28×28×1 (Bernoulli means). ` +
      'Both graphs take the class as a `label` input (one-hot, ["batch", 10]); `@genzoo/core` builds it from `labels` (0, 1, 2, … cycling when none are given, as in `genzoo eval`).',
    weaknesses:
      'Samples are blurry, as with every Bernoulli VAE decoded at its mean, and an MLP decoder has no convolutional prior for strokes. ' +
      'The label carries the class, so the latent carries style (slant, thickness, width); latents that fall between the posteriors give broken or smeared strokes, ' +
      'and those are often not recognisably the requested class (the share that is: `sampleClassAccuracy`, in Class agreement). ' +
      'Reconstructions are fed the true class, so `reconstructionClassAccuracy` measures how well the class is kept, not inferred: given the wrong class, a reconstruction turns into that class.',
    imageRange: [0, 1],
    graphs: {
      generator: {
        file: 'decoder.onnx',
        inputs: [{ name: 'z', role: 'latent' }, { name: 'label', role: 'label' }],
        outputs: [{ name: 'image', role: 'image', range: [0, 1] }],
      },
      encoder: {
        file: 'encoder.onnx',
        inputs: [{ name: 'image', role: 'image', range: [0, 1] }, { name: 'label', role: 'label' }],
        outputs: [{ name: 'mean', role: 'mean' }, { name: 'logvar', role: 'logvar' }],
      },
    },
    sampleGrid: CLASS_ROWS_GRID,
    classFigures: { reconstructions: true, conditionalSamples: true },
    cardSections: ({ manifest, figures }: CardContext) => {
      const sections: string[] = [];
      const reconstructions = figures.find((figure) => figure.file === FIGURE_FILES.reconstructions);
      if (reconstructions !== undefined) sections.push('## Reconstructions', '', `![${reconstructions.alt}](${reconstructions.file})`, '', reconstructions.caption, '');
      sections.push(...classAgreementSection(manifest, evaluationClassifierId(run.dataset) ?? 'the evaluation classifier'), '');
      const elbo = manifest.metrics['heldOutElboNats'];
      if (elbo !== undefined) {
        sections.push('## Held-out ELBO', '', `Conditional ELBO **${elbo.toFixed(1)} nats** per image on the ${manifest.dataset.heldOutSize} held-out images with their labels (a bound on log p(x | y); see Objective).`, '');
      }
      return sections;
    },
  };
}
