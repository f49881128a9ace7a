import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import {
  GenzooError,
  imageInputOf,
  now,
  rgbaImagesToTensor,
  type GeneratorApi,
  type ImageBatch,
  type Manifest,
  type RgbaImage,
  type TensorData,
  type TranslationDirection,
} from '@genzoo/core';
import { describeFsError } from './fs-errors.js';

/** An input image that cannot be read or decoded; the message names the file (or says "image bytes"). */
export class ImageInputError extends GenzooError {
  constructor(message: string) {
    super(message, 'E_INPUT');
  }
}

/**
 * Largest decoded input, in pixels (about 36 MP: a 6000 × 6000 photo). Larger images, and compressed
 * "bombs" that claim to be, are refused before they are decoded.
 */
export const MAX_INPUT_PIXELS = 6000 * 6000;

/** How inputs are fitted to a model's size; see {@link readImageAt}. */
export const IMAGE_FIT = 'contain';

/** A file path, or the bytes of an image file (PNG, JPEG, WebP, GIF, TIFF, AVIF, SVG). */
export type ImageInput = string | Uint8Array;

async function bytesOf(input: ImageInput, name: string): Promise<Uint8Array> {
  if (typeof input !== 'string') return input;
  try {
    return await readFile(input);
  } catch (error) {
    throw new ImageInputError(`cannot read ${name}: ${describeFsError(error)}`);
  }
}

/** What {@link readImageAt} decoded, and the size the image had before it was fitted. */
export interface FittedImage {
  image: RgbaImage;
  original: { width: number; height: number; format: string };
}

/**
 * Decodes an image file of any size, format and colour into RGBA at exactly `width` × `height`:
 * EXIF orientation applied, transparency flattened onto black, scaled to fit inside the target keeping its
 * aspect ratio (`fit: contain`) and centred, the margins black. Black is the background of the zoo's image
 * domains (white strokes on black), so nothing of the input is cut off and nothing is distorted. Grey,
 * 16-bit, CMYK and palette images come out as 8-bit sRGB.
 * @param name shown in error messages when `input` is bytes.
 * @throws ImageInputError naming the file when it is missing, empty, not an image or too large.
 */
export async function readImageAt(input: ImageInput, size: { width: number; height: number }, name?: string): Promise<FittedImage> {
  const label = name ?? (typeof input === 'string' ? input : 'the image');
  const bytes = await bytesOf(input, label);
  if (bytes.byteLength === 0) throw new ImageInputError(`${label} is empty: expected a PNG, JPEG or WebP image`);
  try {
    const decoder = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const metadata = await decoder.metadata();
    const { data, info } = await decoder
      .rotate()
      .flatten({ background: '#000000' })
      .resize(size.width, size.height, { fit: IMAGE_FIT, background: '#000000' })
      .toColourspace('srgb')
      .ensureAlpha(1)
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 4 || info.width !== size.width || info.height !== size.height) {
      throw new Error(`decoded to ${info.width}x${info.height}x${info.channels}, expected ${size.width}x${size.height}x4`);
    }
    return {
      image: { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) },
      original: { width: metadata.autoOrient.width, height: metadata.autoOrient.height, format: metadata.format },
    };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    if (/pixel limit/i.test(message)) throw new ImageInputError(`${label} is too large: at most ${MAX_INPUT_PIXELS} pixels`);
    if (/unsupported image format/i.test(message)) throw new ImageInputError(`${label} is not an image in a format this can read (PNG, JPEG, WebP, GIF, TIFF, AVIF)`);
    throw new ImageInputError(`${label} cannot be decoded: ${message.replace(/^Input (buffer|file) /, '')}`);
  }
}

/**
 * An image file as the input tensor of a translator's `direction` graph (`[1, C, H, W]` or `[1, H, W, C]`,
 * in the graph's range): decoded and fitted by {@link readImageAt}, then converted by core's
 * `rgbaImagesToTensor` (grey models take luminance).
 * @throws CapabilityError (`model "x" cannot translate b2a …`) when the model has no such direction.
 */
export async function imageFileToTensor(input: ImageInput, manifest: Manifest, direction: TranslationDirection = 'a2b'): Promise<TensorData> {
  const format = imageInputOf(manifest, direction);
  const { image } = await readImageAt(input, format);
  return rgbaImagesToTensor([image], format);
}

/** What {@link translateImage} returns. */
export interface TranslatedImage {
  /** The translation, at the model's size. */
  image: RgbaImage;
  /** The input as the model saw it (fitted to its size). */
  input: RgbaImage;
  original: FittedImage['original'];
  result: ImageBatch;
  /** Milliseconds for decoding and fitting the input. */
  decodeMs: number;
}

/** Reads an image file and translates it with `model` (a2b unless `direction` says otherwise). */
export async function translateImage(model: GeneratorApi, input: ImageInput, { direction = 'a2b', name }: { direction?: TranslationDirection; name?: string } = {}): Promise<TranslatedImage> {
  const format = imageInputOf(model.manifest, direction);
  const started = now();
  const fitted = await readImageAt(input, format, name);
  const decodeMs = now() - started;
  const result = await model.translate(rgbaImagesToTensor([fitted.image], format), { direction });
  return { image: model.toRgba(result)[0]!, input: fitted.image, original: fitted.original, result, decodeMs };
}
