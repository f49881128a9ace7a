import { autoencoderSettings, type AutoencoderSettings } from '../families/autoencoder-settings.js';
import { MLP_HIDDEN } from '../models/mlp-autoencoder.js';
import { GAUSSIAN_SIGMA } from '../trainers/likelihoods.js';
import type { Manifest } from '@genzoo/core';
import { betaComparisonTable, vaeSettingsOf } from './beta-comparison.js';
import { datasetDisplayName } from './dataset-names.js';
import { FIGURE_FILES, type CardFigure } from './figures/model-figures.js';
import type { CardContext, GraphContract, ProfileRun, PublishProfile } from './publish-profile.js';

/** 1/(2σ²), the weight of the summed squared error in the Gaussian NLL, as a card prints it. */
const SQUARED_ERROR_WEIGHT = Number((1 / (2 * GAUSSIAN_SIGMA ** 2)).toPrecision(6));

const DECODER: GraphContract = {
  file: 'decoder.onnx',
  inputs: [{ name: 'z', role: 'latent' }],
  outputs: [{ name: 'image', role: 'image', range: [0, 1] }],
};

function encoder(variational: boolean): GraphContract {
  return {
    file: 'encoder.onnx',
    inputs: [{ name: 'image', role: 'image', range: [0, 1] }],
    outputs: variational ? [{ name: 'mean', role: 'mean' }, { name: 'logvar', role: 'logvar' }] : [{ name: 'mean', role: 'mean' }],
  };
}

function architecture(latent: number, variational: boolean): string {
  const [wide, narrow] = MLP_HIDDEN;
  const heads = variational ? `two dense heads of ${latent}: μ and log σ²` : `dense ${latent} (the code, output \`mean\`)`;
  return `Encoder: x(28×28×1) → flatten 784 → dense ${wide}, ReLU → dense ${narrow}, ReLU → ${heads}. ` +
    `Decoder: z(${latent}) → dense ${narrow}, ReLU → dense ${wide}, ReLU → dense 784 → sigmoid → reshape 28×28×1. All dense (MLP), Glorot-uniform initialisation.`;
}

function likelihoodText(settings: AutoencoderSettings): string {
  return settings.likelihood === 'gaussian'
    ? `Gaussian likelihood N(x; x̂(z), σ²I) with a fixed (not learned) σ = ${GAUSSIAN_SIGMA} on intensities in [0, 1]: ` +
      `−log p(x|z) = ‖x − x̂‖²/(2σ²) + 784·½·log(2πσ²) nats, i.e. ${SQUARED_ERROR_WEIGHT} × the summed squared error plus a constant`
    : 'Bernoulli likelihood of the pixels: binary cross-entropy summed over the 784 pixels, grey levels in [0, 1] used as soft targets';
}

function figureLine(figure: CardFigure | undefined): string[] {
  return figure === undefined ? [] : [`![${figure.alt}](${figure.file})`, '', figure.caption];
}

function formatted(value: number | undefined, digits: number): string | undefined {
  return value === undefined ? undefined : value.toFixed(digits);
}

/** The plain (β = 1) VAE beside an autoencoder on the same data with a measured FID, preferring the same latent size, then the same likelihood. */
function comparableVae(manifest: Manifest, settings: AutoencoderSettings, siblings: readonly Manifest[]): Manifest | undefined {
  const score = (other: Manifest): number => {
    const theirs = vaeSettingsOf(other)!;
    return (theirs.latent === settings.latent ? 2 : 0) + (theirs.likelihood === settings.likelihood ? 1 : 0);
  };
  return siblings
    .filter((other) => vaeSettingsOf(other)?.beta === 1 && other.dataset.name === manifest.dataset.name && other.metrics['fid'] !== undefined)
    .sort((a, b) => score(b) - score(a))[0];
}

/** Profile of an `autoencoder`-family run: a deterministic MLP autoencoder, shipped to show why it is not a generator. */
export function autoencoderProfile(run: ProfileRun): PublishProfile {
  const settings = autoencoderSettings(run.trainer);
  const dataset = datasetDisplayName(run.dataset);
  const loss = settings.likelihood === 'gaussian' ? 'MSE' : 'BCE';
  return {
    family: 'autoencoder',
    name: `MLP autoencoder (${dataset}, ${settings.latent}-d, ${loss})`,
    description:
      `A plain deterministic MLP autoencoder with a ${settings.latent}-d code, trained on ${dataset} with ${loss} reconstruction. ` +
      'It reconstructs well, but decoding random z ~ N(0, I) gives poor samples: shipped to show why a plain autoencoder is not a generator.',
    objective:
      `Minimises the reconstruction loss of decoder(encoder(x)): ${settings.likelihood === 'gaussian' ? 'squared error (the negative log-likelihood of a ' : ''}` +
      `${likelihoodText(settings)}${settings.likelihood === 'gaussian' ? ')' : ''}. No prior, no KL term, no noise: the codes go wherever reconstruction wants them. Adam(1e-3).`,
    architecture: architecture(settings.latent, false),
    weaknesses:
      'It is not a generative model: nothing makes the codes of real images fill N(0, I), so most decodings of prior samples are smeared, ambiguous blobs or mixtures of several classes (see "Not a generator"). ' +
      `Reconstructions lose fine detail through the ${settings.latent}-d bottleneck${settings.likelihood === 'gaussian' ? ' and the squared error blurs edges' : ''}. ` +
      `It has no likelihood to report: \`heldOutReconstructionLoss\` is its training loss per held-out image (${settings.likelihood === 'gaussian' ? `${SQUARED_ERROR_WEIGHT} × the summed squared error plus a constant` : 'binary cross-entropy in nats'}), \`heldOutMse\` the mean squared error per pixel of held-out reconstructions.`,
    imageRange: [0, 1],
    graphs: { generator: DECODER, encoder: encoder(false) },
    cardSections: ({ manifest, figures, siblings }: CardContext) => {
      const reconstructions = figures.find((figure) => figure.file === FIGURE_FILES.reconstructions);
      const fid = formatted(manifest.metrics['fid'], 1);
      const mse = formatted(manifest.metrics['heldOutMse'], 4);
      const vae = comparableVae(manifest, settings, siblings);
      const comparison = vae === undefined ? '' : ` For comparison, the VAE \`${vae.id}\` on the same data, whose KL term pulls its codes towards the prior, has FID ${vae.metrics['fid']!.toFixed(1)}.`;
      return [
        '## Not a generator',
        '',
        '| reconstructions of held-out images | decodings of z ~ N(0, I) (`samples.png`) |',
        '|---|---|',
        `| ${reconstructions === undefined ? 'not rendered' : `![${reconstructions.alt}](${reconstructions.file})`} | ![decodings of 64 prior samples, seed 0](${manifest.files.samples}) |`,
        '',
        `Left: held-out images (odd rows) and their reconstructions (even rows)${mse === undefined ? '' : `, held-out MSE ${mse} per pixel`}. ` +
          'Right: the same decoder fed z ~ N(0, I) (seed 0). The autoencoder only learned to reconstruct, so its codes fill an irregular region of the latent space ' +
          'that a standard normal mostly misses: decoded prior samples fall where the decoder was never trained. ' +
          (fid === undefined
            ? 'FID of prior samples: not measured yet (run `genzoo eval`, then `genzoo train card`).'
            : `FID of these prior samples (genzoo eval, ${manifest.evaluation?.n ?? 10000} samples): **${fid}**.${comparison}`),
      ];
    },
  };
}

function betaWeakness(beta: number): string {
  if (beta > 1) return `β = ${beta} over-weights the KL term: posteriors are pulled towards the prior, so reconstructions are blurrier and some lose the input's identity (drifting to another class or a class average), and samples are smooth prototypes that cover little of the data's variety. `;
  if (beta < 1) return `β = ${beta} under-weights the KL term: reconstructions are sharp, but the codes do not fill N(0, I) — prior samples fall into holes between the posteriors, and more of them are malformed or ambiguous. `;
  return '';
}

/** Profile of a `vae`-family run: an MLP VAE whose name and texts say its dataset, β, latent size and likelihood. */
export function vaeProfile(run: ProfileRun): PublishProfile {
  const settings = autoencoderSettings(run.trainer);
  const dataset = datasetDisplayName(run.dataset);
  const kind = settings.beta === 1 ? 'VAE' : 'β-VAE';
  const likelihood = settings.likelihood === 'gaussian' ? `Gaussian σ = ${GAUSSIAN_SIGMA}` : 'Bernoulli';
  const betaName = settings.beta === 1 ? '' : `, β = ${settings.beta}`;
  const gaussianCaveat = settings.likelihood === 'gaussian'
    ? ' The ELBO is of a continuous density on [0, 1] intensities, without dequantization: it is not a bound on the probability of the 8-bit images, and it is not comparable with the Bernoulli models\' ELBOs (uniform dequantization, x + u/256, would subtract 784·log 256 ≈ 4347 nats and need a density on the dequantized values).'
    : '';
  return {
    family: 'vae',
    name: `MLP ${kind} (${dataset}, ${settings.latent}-d latent${betaName}, ${likelihood})`,
    description:
      `An MLP variational autoencoder with a ${settings.latent}-d Gaussian latent and a ${likelihood} decoder likelihood, trained on ${dataset}` +
      `${settings.beta === 1 ? '' : ` with the KL term weighted by β = ${settings.beta}`}; samples from N(0, I) and reconstructs.` +
      (settings.latent === 2 ? ' Its 2-D latent plane is drawn as a latent-space map.' : ''),
    objective:
      `Maximises the ELBO with the reparameterization trick z = μ + σ·ε, ε ~ N(0, I): ${likelihoodText(settings)}, minus ` +
      `${settings.beta === 1 ? '' : `β = ${settings.beta} × `}KL(q(z|x) ‖ N(0, I)) (closed form). Adam(1e-3). ` +
      `The held-out ELBO in the metrics uses β = 1 whatever the training β: heldOutElboNats = −(heldOutReconstructionNats + heldOutKlNats), nats per image, one posterior sample per held-out image.` +
      (settings.likelihood === 'gaussian' ? ' It is a continuous density on [0, 1] intensities, without dequantization, so not comparable with Bernoulli ELBOs.' : ''),
    architecture: architecture(settings.latent, true),
    weaknesses:
      betaWeakness(settings.beta) +
      (settings.latent === 2 ? 'Two latent dimensions cannot hold the variation of the data: reconstructions are class prototypes, and similar classes share regions of the map. ' : '') +
      (settings.likelihood === 'gaussian'
        ? `σ is fixed at ${GAUSSIAN_SIGMA}, not learned: the reconstruction term (${SQUARED_ERROR_WEIGHT} × squared error) outweighs the KL term much as a small β would, so reconstructions are sharp ` +
          'but the posteriors spread beyond N(0, I) (a KL well above the Bernoulli VAEs\') and more prior samples land in holes, broken or noisy; a larger or learned σ would trade sharpness for coherent samples. '
        : '') +
      (run.dataset === 'fashion-mnist' ? 'Textures (prints, logos, knit patterns) are averaged away; samples are smooth silhouettes. ' : '') +
      'Samples are blurrier than a GAN\'s: the decoder predicts the mean of the likelihood, an average over plausible images, and an MLP decoder has no convolutional prior for local image structure; ' +
      'some prior samples fall between classes or come out malformed.',
    imageRange: [0, 1],
    graphs: { generator: DECODER, encoder: encoder(true) },
    cardSections: ({ manifest, figures, siblings }: CardContext) => {
      const sections: string[] = [];
      const reconstructions = figures.find((figure) => figure.file === FIGURE_FILES.reconstructions);
      if (reconstructions !== undefined) sections.push('## Reconstructions', '', ...figureLine(reconstructions), '');
      const map = figures.find((figure) => figure.file === FIGURE_FILES.latentMap);
      if (map !== undefined) sections.push('## Latent-space map', '', ...figureLine(map), '');
      const elbo = formatted(manifest.metrics['heldOutElboNats'], 1);
      if (elbo !== undefined) {
        sections.push(
          '## Held-out ELBO',
          '',
          `ELBO **${elbo} nats** per image on the ${manifest.dataset.heldOutSize} held-out images = −(reconstruction ${formatted(manifest.metrics['heldOutReconstructionNats'], 1) ?? '?'} + KL ${formatted(manifest.metrics['heldOutKlNats'], 1) ?? '?'}) ` +
            `(β = 1${settings.beta === 1 ? '' : `, not the training β = ${settings.beta}`}).${gaussianCaveat}` +
            (manifest.metrics['fid'] === undefined ? '' : ` FID of prior samples: ${manifest.metrics['fid'].toFixed(1)} (see Evaluation).`),
          '',
        );
      }
      const table = betaComparisonTable(manifest, siblings);
      if (table !== undefined) {
        sections.push(
          '## β trade-off',
          '',
          `MLP VAEs on ${dataset} that differ only in β (${settings.latent}-d latent, ${likelihood}), same held-out split; FID, precision and recall from \`genzoo eval\` on prior samples:`,
          '',
          table,
          '',
          'Raising β buys a posterior closer to the prior — lower KL, fewer holes in latent space, prior samples that land where the decoder was trained — at the price of reconstruction: ' +
            'too high a latent loss gives blurry, prototype-like images (high precision, low recall: safe averages that cover little of the data); ' +
            'too low leaves holes in the latent space that prior samples fall into (malformed samples: lower precision, but more of the data covered).',
          '',
        );
      }
      return sections;
    },
  };
}
