import { imageInputOf, rgbaImagesToTensor, type Manifest, type RgbaImage, type TensorData, type TranslationDirection } from '@genzoo/core';

/** What the page can turn into a model input: a canvas, pixels, a decoded bitmap or a loaded `<img>`. */
export type ImageSourceLike = HTMLCanvasElement | OffscreenCanvas | ImageData | ImageBitmap | HTMLImageElement;

type Context2d = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

function canvasOf(width: number, height: number): { canvas: HTMLCanvasElement | OffscreenCanvas; context: Context2d } {
  const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height });
  const context = canvas.getContext('2d', { willReadFrequently: true }) as Context2d | null;
  if (!context) throw new Error('no 2d canvas context to scale the image with');
  return { canvas, context };
}

function sizeOf(source: ImageSourceLike): { width: number; height: number } {
  if (typeof HTMLImageElement !== 'undefined' && source instanceof HTMLImageElement) return { width: source.naturalWidth, height: source.naturalHeight };
  return { width: source.width, height: source.height };
}

/**
 * Scales `source` to exactly `width` × `height` RGBA pixels the way `@genzoo/node` fits image files: inside
 * the target keeping its aspect ratio (`contain`), centred on black, transparency flattened onto black, with
 * the browser's high-quality smoothing (a drawing pad of 280 px averages down to 28 px).
 */
export function fitImage(source: ImageSourceLike, { width, height }: { width: number; height: number }): RgbaImage {
  const from = sizeOf(source);
  if (!(from.width > 0 && from.height > 0)) throw new Error('the image is empty (0 pixels wide or high)');
  let drawable: CanvasImageSource = source as CanvasImageSource;
  if (typeof ImageData !== 'undefined' && source instanceof ImageData) {
    const { canvas, context } = canvasOf(source.width, source.height);
    context.putImageData(source, 0, 0);
    drawable = canvas;
  }
  const { context } = canvasOf(width, height);
  context.fillStyle = '#000';
  context.fillRect(0, 0, width, height);
  const scale = Math.min(width / from.width, height / from.height);
  const [drawnWidth, drawnHeight] = [from.width * scale, from.height * scale];
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(drawable, (width - drawnWidth) / 2, (height - drawnHeight) / 2, drawnWidth, drawnHeight);
  const { data } = context.getImageData(0, 0, width, height);
  return { width, height, data };
}

/**
 * A canvas, ImageData, ImageBitmap or `<img>` as the input tensor of a translator's `direction` graph
 * (`[1, C, H, W]` or `[1, H, W, C]` in its range): fitted by {@link fitImage}, converted by core's
 * `rgbaImagesToTensor` (grey models take luminance). Feed it to `generator.translate(tensor, { direction })`,
 * in the page or through a worker.
 * @throws CapabilityError (`model "x" cannot translate b2a …`) when the model has no such direction.
 */
export function imageToTensor(source: ImageSourceLike, manifest: Manifest, direction: TranslationDirection = 'a2b'): TensorData {
  const format = imageInputOf(manifest, direction);
  return rgbaImagesToTensor([fitImage(source, format)], format);
}
