import type { TrainedModels } from '../families/training-family.js';
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
}

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

export function getPublishProfile(family: string): PublishProfile {
  const profile = PUBLISH_PROFILES.get(family);
  if (!profile) throw new Error(`no publish profile for family '${family}' (known: ${[...PUBLISH_PROFILES.keys()].join(', ')})`);
  return profile;
}
