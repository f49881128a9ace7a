import type { Generator, Manifest } from '@genzoo/core';
import type { TrainedModels } from '../families/training-family.js';
import type { TrainingSummary } from '../trainers/training-run.js';
import { autoencoderProfile, vaeProfile } from './autoencoder-profiles.js';
import { biganProfile } from './bigan-profile.js';
import { bigganProfile } from './biggan-profile.js';
import { cganProfile } from './cgan-profile.js';
import type { ClassFigureRequest } from './class-figures.js';
import { cvaeProfile } from './cvae-profile.js';
import { dcganProfile } from './dcgan-profile.js';
import { ganMlpProfile } from './gan-mlp-profile.js';
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
  /**
   * Family-specific figures drawn at publish time into the staged folder (interpolations, truncation rows, training
   * curves from the run's loss history); they are listed in the manifest and passed to {@link cardSections}.
   */
  publishFigures?(context: PublishFigureContext): Promise<CardFigure[]>;
  /** Redraws, on `genzoo train card`, figures that compare the model with the models beside it in `modelsDir`. */
  refreshFigures?(context: { folder: string; modelsDir: string; manifest: Manifest }): Promise<void>;
}

/** What {@link PublishProfile.publishFigures} may draw on. */
export interface PublishFigureContext {
  /** The staged model, loaded from its exported graphs by onnxruntime-node. */
  generator: Generator;
  /** The staged model folder to write figures into. */
  folder: string;
  summary: TrainingSummary;
  /** The training run folder (`losses.jsonl`, checkpoints), when publishing from one. */
  runDir?: string;
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
export type ProfileRun = Pick<TrainingSummary, 'dataset' | 'trainer' | 'weightAverage'>;

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
  ['vae-mnist', VAE],
]);

/** Profiles built from a run's settings, by training family name: families whose models differ by flag (dataset, β, latent size, likelihood). */
export const PUBLISH_PROFILE_BUILDERS: ReadonlyMap<string, (run: ProfileRun) => PublishProfile> = new Map([
  ['autoencoder', autoencoderProfile],
  ['vae', vaeProfile],
  ['cvae', cvaeProfile],
  ['cgan', cganProfile],
  ['bigan', biganProfile],
  ['biggan', bigganProfile],
  ['dcgan-mnist', dcganProfile],
  ['gan-mlp', ganMlpProfile],
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
