/** The latent plane the map shows: [-extent, extent]² (3 standard deviations of the prior covers nearly all of it). */
export const EXTENT = 3;

export interface LatentPoint {
  x: number;
  y: number;
}

/** The latent under a point of the plane's box (`px`, `py` from its top-left; y grows upwards in latent space). */
export function planeToLatent(px: number, py: number, width: number, height: number, extent = EXTENT): LatentPoint {
  const clamp = (value: number) => Math.min(Math.max(value, 0), 1);
  return { x: (2 * clamp(px / width) - 1) * extent, y: (1 - 2 * clamp(py / height)) * extent };
}

/** Where a latent lies in the plane's box, the inverse of {@link planeToLatent}. */
export function latentToPlane({ x, y }: LatentPoint, width: number, height: number, extent = EXTENT): { px: number; py: number } {
  return { px: ((x / extent + 1) / 2) * width, py: ((1 - y / extent) / 2) * height };
}

/** Keeps a latent inside the plane. */
export function clampLatent({ x, y }: LatentPoint, extent = EXTENT): LatentPoint {
  const clamp = (value: number) => Math.min(Math.max(value, -extent), extent);
  return { x: clamp(x), y: clamp(y) };
}

/** `count²` latents at the centres of a count×count grid over the plane, row by row from the top: `[count², 2]`. */
export function mosaicLatents(count: number, extent = EXTENT): Float32Array {
  const data = new Float32Array(count * count * 2);
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      const { x, y } = planeToLatent(column + 0.5, row + 0.5, count, count, extent);
      data.set([x, y], 2 * (row * count + column));
    }
  }
  return data;
}
