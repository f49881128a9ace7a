import * as tf from '@tensorflow/tfjs';

/** Hidden widths of the MLP encoder; the decoder mirrors them. */
export const MLP_HIDDEN = [512, 256] as const;

/** Options of the MLP encoder and decoder. */
export interface MlpAutoencoderOptions {
  /** Latent size. */
  latent: number;
  seed?: number;
}

function init(seed: number | undefined, offset: number): ReturnType<typeof tf.initializers.glorotUniform> {
  return tf.initializers.glorotUniform(seed === undefined ? {} : { seed: seed * 101 + offset });
}

function dense(units: number, name: string, seed: number | undefined, offset: number, activation?: 'relu' | 'sigmoid'): tf.layers.Layer {
  return tf.layers.dense({ units, name, kernelInitializer: init(seed, offset), ...(activation === undefined ? {} : { activation }) });
}

/**
 * MLP encoder: image [28, 28, 1] in [0, 1] → flatten → dense 512 ReLU → dense 256 ReLU → `mean`
 * (and, when `variational`, a second head `logvar`), each of `latent` units.
 */
export function buildMlpEncoder({ latent, seed }: MlpAutoencoderOptions, variational: boolean): tf.LayersModel {
  const x = tf.input({ shape: [28, 28, 1], name: 'image' });
  let h = tf.layers.flatten({ name: 'e_flatten' }).apply(x) as tf.SymbolicTensor;
  MLP_HIDDEN.forEach((units, index) => {
    h = dense(units, `e_dense${index + 1}`, seed, index + 1, 'relu').apply(h) as tf.SymbolicTensor;
  });
  const mean = dense(latent, 'mean', seed, 10).apply(h) as tf.SymbolicTensor;
  if (!variational) return tf.model({ inputs: x, outputs: mean, name: 'mlp_encoder' });
  const logvar = dense(latent, 'logvar', seed, 11).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: [mean, logvar], name: 'mlp_vae_encoder' });
}

/** MLP decoder (the exported "generator"): z → dense 256 ReLU → dense 512 ReLU → dense 784 sigmoid → image [28, 28, 1] in [0, 1]. */
export function buildMlpDecoder({ latent, seed }: MlpAutoencoderOptions): tf.LayersModel {
  const z = tf.input({ shape: [latent], name: 'z' });
  let h = z;
  [...MLP_HIDDEN].reverse().forEach((units, index) => {
    h = dense(units, `d_dense${index + 1}`, seed, 21 + index, 'relu').apply(h) as tf.SymbolicTensor;
  });
  h = dense(28 * 28, 'd_pixels', seed, 29, 'sigmoid').apply(h) as tf.SymbolicTensor;
  const image = tf.layers.reshape({ targetShape: [28, 28, 1], name: 'd_reshape' }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: z, outputs: image, name: 'mlp_decoder' });
}
