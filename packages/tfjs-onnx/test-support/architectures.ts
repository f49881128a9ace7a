/** The real genzoo architectures, built locally for converter tests. */
import { tfl } from './parity.js';

/** DCGAN generator: z(64) → 7·7·64 → BN → ReLU → 7×7×64 → deconv 32 → BN → ReLU → deconv 1 → tanh. */
export function dcganGenerator(): tfl.Sequential {
  return tfl.sequential({
    name: 'dcgan_generator',
    layers: [
      tfl.layers.dense({ inputShape: [64], units: 7 * 7 * 64, useBias: false }),
      tfl.layers.batchNormalization(),
      tfl.layers.reLU(),
      tfl.layers.reshape({ targetShape: [7, 7, 64] }),
      tfl.layers.conv2dTranspose({ filters: 32, kernelSize: 4, strides: 2, padding: 'same', useBias: false }),
      tfl.layers.batchNormalization(),
      tfl.layers.reLU(),
      tfl.layers.conv2dTranspose({ filters: 1, kernelSize: 4, strides: 2, padding: 'same', activation: 'tanh' }),
    ],
  });
}

/** DCGAN discriminator: 28×28×1 → conv 32 → LeakyReLU → conv 64 → LeakyReLU → flatten → dense 1. */
export function dcganDiscriminator(): tfl.Sequential {
  return tfl.sequential({
    name: 'dcgan_discriminator',
    layers: [
      tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 4, strides: 2, padding: 'same' }),
      tfl.layers.leakyReLU({ alpha: 0.2 }),
      tfl.layers.conv2d({ filters: 64, kernelSize: 4, strides: 2, padding: 'same' }),
      tfl.layers.leakyReLU({ alpha: 0.2 }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 1 }),
    ],
  });
}

/** VAE encoder: image → convs → flatten → dense → two Dense heads (mean, logvar). */
export function vaeEncoder(latent = 16): tfl.LayersModel {
  const image = tfl.input({ shape: [28, 28, 1], name: 'image' });
  let x = tfl.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }).apply(image) as tfl.SymbolicTensor;
  x = tfl.layers.conv2d({ filters: 32, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }).apply(x) as tfl.SymbolicTensor;
  x = tfl.layers.flatten().apply(x) as tfl.SymbolicTensor;
  x = tfl.layers.dense({ units: 64, activation: 'relu' }).apply(x) as tfl.SymbolicTensor;
  const mean = tfl.layers.dense({ units: latent, name: 'mean' }).apply(x) as tfl.SymbolicTensor;
  const logvar = tfl.layers.dense({ units: latent, name: 'logvar' }).apply(x) as tfl.SymbolicTensor;
  return tfl.model({ name: 'vae_encoder', inputs: image, outputs: [mean, logvar] });
}

/** VAE decoder: z → dense → 7×7×32 → deconvs → sigmoid image. */
export function vaeDecoder(latent = 16): tfl.Sequential {
  return tfl.sequential({
    name: 'vae_decoder',
    layers: [
      tfl.layers.dense({ inputShape: [latent], units: 7 * 7 * 32, activation: 'relu' }),
      tfl.layers.reshape({ targetShape: [7, 7, 32] }),
      tfl.layers.conv2dTranspose({ filters: 32, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }),
      tfl.layers.conv2dTranspose({ filters: 1, kernelSize: 3, strides: 2, padding: 'same', activation: 'sigmoid' }),
    ],
  });
}
