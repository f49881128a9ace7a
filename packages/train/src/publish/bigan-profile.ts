import { BIGAN_DROPOUT, BIGAN_LATENT } from '../models/bigan-mnist.js';
import { BIGAN_EMA_DECAY, BIGAN_LATENT_CYCLE } from '../families/bigan-family.js';
import { CLASS_FIGURES, classAgreementSection } from './class-figures.js';
import { datasetDisplayName } from './dataset-names.js';
import { evaluationClassifierId } from './evaluation-classifier.js';
import { FIGURE_FILES } from './figures/model-figures.js';
import type { CardContext, ProfileRun, PublishProfile } from './publish-profile.js';
import { ganGenerator } from './gan-graphs.js';
import { averageDecayText } from './weight-average-text.js';

/** Profile of a `bigan`-family run: BiGAN / ALI, shipping the generator and the encoder. */
export function biganProfile(run: ProfileRun): PublishProfile {
  const dataset = datasetDisplayName(run.dataset);
  const decay = run.trainer?.emaDecay ?? BIGAN_EMA_DECAY;
  return {
    family: 'bigan',
    name: `BiGAN / ALI (${dataset})`,
    description:
      `A bidirectional GAN on ${dataset}: a generator G: z → x and an encoder E: x → z, learned together against one discriminator on (x, z) pairs. ` +
      `Samples from a ${BIGAN_LATENT}-d Gaussian latent and maps images back to latents, so G(E(x)) reconstructs without ever being trained to.`,
    objective:
      'BiGAN / ALI (Donahue et al. 2017; Dumoulin et al. 2017). The discriminator D(x, z) tells encoder pairs (x, E(x)), x from the data, from generator pairs (G(z), z), z ~ N(0, I), ' +
      'with the non-saturating loss: it minimises softplus(−D(x, E(x))) + softplus(D(G(z), z)). G and E minimise the same loss with the two kinds of pair swapped, ' +
      'softplus(−D(G(z), z)) + softplus(D(x, E(x))), in one joint update. At the optimum the two joint distributions match, so E inverts G. ' +
      `From step ${BIGAN_LATENT_CYCLE.fromStep} on, E also minimises a latent regression term ${BIGAN_LATENT_CYCLE.weight} × ‖E(G(z)) − z‖² on the generator's samples, G(z) held fixed ` +
      '(the "latent regressor" of Donahue et al. 2017, as in ALICE, Li et al. 2017): in plain BiGAN training the encoder had collapsed by then onto nearly one code ' +
      '(per-dimension spread 0.06 across images, so every reconstruction was the same faint blob). Switched on from the start, D won outright within 100 steps; ' +
      'with gradients into G as well, G traded its strokes for encodable scribbles. ' +
      `Adam(2e-4, β1 = 0.5) for D and for G+E, one D step per G+E step; real and fake pairs go through D as one batch (D has no batch statistics). ` +
      `The shipped G and E are exponential moving averages of the trained weights (${averageDecayText(run, decay)}, batch-norm statistics included), averaged together so the pair stays consistent.`,
    architecture:
      `G (the DCGAN generator at half width): z(${BIGAN_LATENT}) → dense 7·7·32 (no bias) → batch norm → ReLU → reshape 7×7×32 → conv-transpose 16, 4×4, stride 2 (no bias) → batch norm → ReLU → conv-transpose 1, 4×4, stride 2 → tanh. ` +
      `E: x(28×28×1, in [−1, 1]) → conv 16, 4×4, stride 2 → LeakyReLU 0.2 → conv 32, 4×4, stride 2 → LeakyReLU 0.2 → flatten → dense 256 → LeakyReLU 0.2 → dense ${BIGAN_LATENT} (the code, output \`mean\`; deterministic, no log-variance). ` +
      `D (training only, not shipped): x-branch conv 16 → conv 32 (4×4, stride 2, LeakyReLU 0.2, dropout ${BIGAN_DROPOUT} each) → flatten; z-branch dense 128, LeakyReLU 0.2, dropout ${BIGAN_DROPOUT}; ` +
      `concatenated → dense 256, LeakyReLU 0.2, dropout ${BIGAN_DROPOUT} → dense 1 (logit). Half-width networks because one BiGAN step runs G, E and D on 2 batches each: it keeps a CPU run within minutes.`,
    weaknesses:
      'Samples have GAN artefacts: a good share are clean digits, the rest broken strokes or scribbles between classes; the discriminator stays ahead of the ' +
      'half-width generator (its loss falls well below the 1.39 of a tie), and the run was minutes on a CPU. ' +
      'Reconstructions keep the class of most held-out images (Class agreement) and often their slant and width, but not their exact strokes: ' +
      'G(E(x)) is never trained to equal x, and E was fitted on G\'s own samples, so an unusual style comes back as the nearest style G draws. ' +
      `E recovers only part of z: on G's samples ‖E(G(z)) − z‖² (\`cycle\` in the final losses) stays well above 0, against the ${BIGAN_LATENT} a constant code would leave. ` +
      `D's dropout masks come from tfjs's own unseeded generator, so a resumed or repeated run is close to, not bit-identical with, the original. No likelihood to report.`,
    imageRange: [-1, 1],
    graphs: {
      ...ganGenerator().graphs,
      encoder: {
        file: 'encoder.onnx',
        inputs: [{ name: 'image', role: 'image', range: [-1, 1] }],
        outputs: [{ name: 'mean', role: 'mean' }],
      },
    },
    classFigures: { reconstructions: true },
    cardSections: ({ manifest, figures, siblings }: CardContext) => {
      const sections: string[] = [];
      const reconstructions = figures.find((figure) => figure.file === FIGURE_FILES.reconstructions);
      if (reconstructions !== undefined) {
        sections.push('## Reconstructions G(E(x))', '', `![${reconstructions.alt}](${reconstructions.file})`, '',
          `${reconstructions.caption} E's code is deterministic, so there is no posterior noise to add.`, '');
      }
      sections.push(...classAgreementSection(manifest, evaluationClassifierId(run.dataset) ?? 'the evaluation classifier'), '');
      const cvae = siblings.find((other) => other.family === 'cvae' && other.dataset.name === manifest.dataset.name && other.metrics[CLASS_FIGURES.reconstructions] !== undefined);
      if (cvae !== undefined) {
        sections.push(
          `For comparison, the conditional VAE \`${cvae.id}\` keeps the class of ${(100 * cvae.metrics[CLASS_FIGURES.reconstructions]!).toFixed(1)}% of the same held-out images, ` +
            'but it is told the class; this encoder has to infer it.',
          '',
        );
      }
      return sections;
    },
  };
}
