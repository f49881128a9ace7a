import quantile from '@stdlib/stats-base-dists-normal-quantile';
import { tensor, type TensorData } from '@genzoo/core';

/** Tiles per side of a latent-space map. */
export const LATENT_MAP_SIZE = 20;

/**
 * The latents of a latent-space map of a 2-D latent: an `size`×`size` grid at the standard normal's
 * quantiles (i + ½)/size on each axis, so each tile covers an equal share of the prior's mass.
 * Row-major: z₁ grows left to right, z₂ grows bottom to top.
 */
export function latentMapLatents(size = LATENT_MAP_SIZE): TensorData {
  if (!Number.isInteger(size) || size < 2) throw new Error(`latent map size must be an integer ≥ 2, got ${size}`);
  const axis = Array.from({ length: size }, (_, index) => quantile((index + 0.5) / size, 0, 1));
  const data = new Float32Array(size * size * 2);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const tile = row * size + column;
      data[tile * 2] = axis[column]!;
      data[tile * 2 + 1] = axis[size - 1 - row]!;
    }
  }
  return tensor(data, [size * size, 2]);
}
