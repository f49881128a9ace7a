import type { Manifest } from '@genzoo/core';
import type { TrainedModels } from '../families/training-family.js';
import type { TrainingSummary } from '../trainers/training-run.js';
import { autoencoderProfile, vaeProfile } from './autoencoder-profiles.js';
import { biganProfile } from './bigan-profile.js';
import type { ClassFigureRequest } from './class-figures.js';
import { cvaeProfile } from './cvae-profile.js';
import type { CardFigure } from './figures/model-figures.js';
import type { TensorContract } from './graph-export.js';

/** File name and tensor contracts of one shipped graph. */
export interface GraphContract {
  file: string;
  inputs: TensorContract[];
  outputs: TensorContract[];
}

/** What a family's shipped model folder says about itself, beyond what training measured. */
export interface PublishProfile {
  /** Manifest `family`, e.g. `dcgan`, `vae`. */
  family: string;
  name: string;
  description: string;
  /** Objective and architecture, one paragraph each, for the model card. */
  objective: string;
  architecture: string;
  weaknesses: string;
  /** Value range of generated images. */
  imageRange: [number, number];
  /** ONNX contracts of each graph the family ships. */
  graphs: { [Role in keyof TrainedModels]: GraphContract };
  /** Card sections after the samples (default: a "Figures" section showing each extra figure with its caption). */
  cardSections?(context: CardContext): string[];
  /** How `samples.png` is drawn (default: 64 samples in 8 columns; conditional models give each sample a class). */
  sampleGrid?: SampleGridSpec;
  /** Class figures measured at publish time from the exported graphs with the dataset's evaluation classifier. */
  classFigures?: ClassFigureRequest;
}

/** The samples of a `samples.png` grid (always seed 0 unless the publish request says otherwise). */
export interface SampleGridSpec {
  n: number;
  columns: number;
  /** Class of each sample, for conditional generators. */
  labels?: readonly number[];
  /** The card's line under the grid, for a model id. */
  caption(id: string): string;
}

/** What a card's sections may draw on. */
export interface CardContext {
  /** The manifest as shipped; after `genzoo eval`, with its figures (FID, …) in `metrics`. */
  manifest: Manifest;
  /** Figures beside `samples.png` in the folder. */
  figures: readonly CardFigure[];
  /** Manifests of the other models in the same models folder (for comparisons). */
  siblings: readonly Manifest[];
}

/** What a profile built from a run may depend on: its dataset and trainer settings (β, latent size, likelihood, …). */
export type ProfileRun = Pick<TrainingSummary, 'dataset' | 'trainer'>;

const DCGAN: PublishProfile = {
  family: 'dcgan',
  name: 'DCGAN (MNIST)',
  description: 'A small deep convolutional GAN that draws 28×28 handwritten digits from a 64-d Gaussian latent.',
  objective:
    'Non-saturating GAN loss (the generator maximises log D(G(z))), Adam(2e-4, β1 = 0.5) for both networks, one discriminator step per generator step. ' +
    'The shipped generator is an exponential moving average of the generator weights (decay 0.999, batch-norm statistics included), which smooths strokes noticeably.',
  architecture:
    'G: z(64) → dense 7·7·64 (no bias) → batch norm → ReLU → reshape 7×7×64 → conv-transpose 32, 4×4, stride 2 (no bias) → batch norm → ReLU → conv-transpose 1, 4×4, stride 2 → tanh. ' +
    'D: conv 32, 4×4, stride 2 → LeakyReLU 0.2 → conv 64, 4×4, stride 2 → LeakyReLU 0.2 → flatten → dense 1 (logit).',
  weaknesses:
    'A deliberately small generator (~0.2 M parameters) trained on 8,000 digits on a CPU: about half of the samples are clean digits, the rest are broken or ambiguous strokes, and the samples lean towards 9s and 7s (partial mode collapse). ' +
    'A GAN gives no likelihood to report; distribution metrics (FID, KID, precision/recall) are in the manifest when `genzoo eval` has run.',
  imageRange: [-1, 1],
  graphs: {
    generator: {
      file: 'generator.onnx',
      inputs: [{ name: 'z', role: 'latent' }],
      outputs: [{ name: 'image', role: 'image', range: [-1, 1] }],
    },
  },
};

const VAE: PublishProfile = {
  family: 'vae',
  name: 'VAE (MNIST)',
  description: 'A convolutional variational autoencoder with a 16-d Gaussian latent; samples digits and reconstructs them.',
  objective:
    'Maximises the ELBO: Bernoulli log-likelihood of the pixels (binary cross-entropy summed over 784 pixels) minus KL(q(z|x) ‖ N(0, I)), with the reparameterization trick z = μ + σ·ε. Adam(1e-3).',
  architecture:
    'Encoder: x(28×28×1) → conv 32, 4×4, stride 2, ReLU → conv 64, 4×4, stride 2, ReLU → flatten → dense 256, ReLU → two dense heads of 16: μ and log σ². ' +
    'Decoder: z(16) → dense 256, ReLU → dense 7·7·64, ReLU → reshape → conv-transpose 32, 4×4, stride 2, ReLU → conv-transpose 1, 4×4, stride 2 → sigmoid (Bernoulli means).',
  weaknesses: 'Samples are blurrier than a GAN\'s (the Bernoulli likelihood averages over plausible strokes), and some prior samples fall between classes.',
  imageRange: [0, 1],
  graphs: {
    generator: {
      file: 'decoder.onnx',
      inputs: [{ name: 'z', role: 'latent' }],
      outputs: [{ name: 'image', role: 'image', range: [0, 1] }],
    },
    encoder: {
      file: 'encoder.onnx',
      inputs: [{ name: 'image', role: 'image', range: [0, 1] }],
      outputs: [
        { name: 'mean', role: 'mean' },
        { name: 'logvar', role: 'logvar' },
      ],
    },
  },
};

/** Publish profiles by training family name. */
export const PUBLISH_PROFILES: ReadonlyMap<string, PublishProfile> = new Map([
  ['dcgan-mnist', DCGAN],
  ['vae-mnist', VAE],
]);

/** Profiles built from a run's settings, by training family name: families whose models differ by flag (dataset, β, latent size, likelihood). */
export const PUBLISH_PROFILE_BUILDERS: ReadonlyMap<string, (run: ProfileRun) => PublishProfile> = new Map([
  ['autoencoder', autoencoderProfile],
  ['vae', vaeProfile],
  ['cvae', cvaeProfile],
  ['bigan', biganProfile],
]);

/** Throws a one-line error when no publish profile exists for `family`. */
export function assertPublishProfile(family: string): void {
  if (!PUBLISH_PROFILES.has(family) && !PUBLISH_PROFILE_BUILDERS.has(family)) {
    throw new Error(`no publish profile for family '${family}' (known: ${[...PUBLISH_PROFILES.keys(), ...PUBLISH_PROFILE_BUILDERS.keys()].join(', ')})`);
  }
}

/** The profile of a family's run; families in {@link PUBLISH_PROFILE_BUILDERS} need the run. */
export function getPublishProfile(family: string, run?: ProfileRun): PublishProfile {
  assertPublishProfile(family);
  const build = PUBLISH_PROFILE_BUILDERS.get(family);
  if (build === undefined) return PUBLISH_PROFILES.get(family)!;
  if (run === undefined) throw new Error(`the publish profile of family '${family}' depends on the run's settings; pass the run`);
  return build(run);
}
