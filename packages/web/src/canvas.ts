import type { RgbaImage } from '@genzoo/core';

/** A DOM `ImageData` holding a copy of the image's pixels. */
export function toImageData(image: RgbaImage): ImageData {
  return new ImageData(new Uint8ClampedArray(image.data), image.width, image.height);
}

/** Resizes `canvas` to the image and paints it; scale it up with CSS (`image-rendering: pixelated`). */
export function drawToCanvas(canvas: HTMLCanvasElement | OffscreenCanvas, image: RgbaImage): void {
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!context) throw new Error('canvas has no 2d context');
  context.putImageData(toImageData(image), 0, 0);
}

/** Reads a canvas (e.g. one an `<img>` was drawn into) back as an RGBA image. */
export function readCanvas(canvas: HTMLCanvasElement | OffscreenCanvas): RgbaImage {
  const context = canvas.getContext('2d', { willReadFrequently: true }) as
    | CanvasRenderingContext2D
    | OffscreenCanvasRenderingContext2D
    | null;
  if (!context) throw new Error('canvas has no 2d context');
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  return { data, width, height };
}
