import { GenzooError, InputError, MAX_SAMPLES, sampleComponents, sampleLatents, sliceBatch, toByte, type Generator } from '@genzoo/core';

/** Generated images as grayscale bytes, as a user would see them in a PNG. */
export interface GeneratedImages {
  pixels: Uint8Array;
  count: number;
  /** Milliseconds spent in the runtime. */
  runtimeMs: number;
}

/**
 * Draws `n` latents (and mixture components) from `seed` as `Generator.sample` does (row i is the same whatever n is) and decodes them in chunks of at most
 * {@link MAX_SAMPLES}, then quantizes each image to bytes with core's shared quantizer — so generated
 * images are compared with real ones at the same 8-bit precision. With `truncation`, normal latents are restricted to
 * [−truncation, truncation] as `sample({ truncation })` does (the truncation trick).
 */
export async function generateImages(generator: Generator, n: number, seed: number, truncation?: number): Promise<GeneratedImages> {
  const { manifest } = generator;
  const { image, mixture } = manifest;
  if (!image) throw new GenzooError(`${manifest.id}: its samples are points, not images`, 'E_EVAL');
  if (image.channels !== 1) throw new GenzooError(`${manifest.id}: evaluation supports grayscale models only (it has ${image.channels} channels)`, 'E_EVAL');
  if (!manifest.latent) throw new GenzooError(`${manifest.id}: it has no latent to sample (a translator?)`, 'E_EVAL');
  if (truncation !== undefined && manifest.latent.distribution !== 'normal') {
    throw new InputError(`truncation needs normal latents; ${manifest.id} draws ${manifest.latent.distribution} latents`);
  }
  const latents = sampleLatents({ n, size: manifest.latent.size, seed, distribution: manifest.latent.distribution, truncation });
  const components = mixture && sampleComponents({ n, seed, components: mixture.components, weights: mixture.weights });
  const plane = image.width * image.height;
  const pixels = new Uint8Array(n * plane);
  let runtimeMs = 0;
  for (let start = 0; start < n; start += MAX_SAMPLES) {
    const end = Math.min(n, start + MAX_SAMPLES);
    const batch = await generator.decode(sliceBatch(latents, start, end), undefined, components?.slice(start, end));
    runtimeMs += batch.timeMs;
    const [low, high] = batch.format.range;
    // One channel: NCHW and NHWC hold the same row-major plane per image.
    const values = batch.images.data;
    for (let index = 0; index < values.length; index++) pixels[start * plane + index] = toByte(values[index]!, low, high);
  }
  return { pixels, count: n, runtimeMs };
}
