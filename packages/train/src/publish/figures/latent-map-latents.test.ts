import { describe, expect, it } from 'vitest';
import { LATENT_MAP_SIZE, latentMapLatents } from './latent-map-latents.js';

describe('latentMapLatents', () => {
  it('places a 20×20 grid at the standard normal quantiles, symmetric about 0', () => {
    const latents = latentMapLatents();
    expect(latents.dims).toEqual([LATENT_MAP_SIZE * LATENT_MAP_SIZE, 2]);
    const z1 = Array.from({ length: LATENT_MAP_SIZE }, (_, column) => latents.data[column * 2]!);
    expect(z1[0]).toBeCloseTo(-1.96, 2); // Φ⁻¹(0.025)
    expect(z1[LATENT_MAP_SIZE - 1]).toBeCloseTo(1.96, 2);
    for (let index = 0; index < LATENT_MAP_SIZE; index++) expect(z1[index]! + z1[LATENT_MAP_SIZE - 1 - index]!).toBeCloseTo(0, 5);
    expect(z1.every((value, index) => index === 0 || value > z1[index - 1]!)).toBe(true);
  });

  it('grows z₁ along a row and z₂ from the bottom row to the top one', () => {
    const latents = latentMapLatents(4);
    const at = (row: number, column: number): [number, number] => [latents.data[(row * 4 + column) * 2]!, latents.data[(row * 4 + column) * 2 + 1]!];
    expect(at(0, 0)[1]).toBeGreaterThan(0);
    expect(at(3, 0)[1]).toBeLessThan(0);
    expect(at(0, 0)[1]).toBe(at(0, 3)[1]);
    expect(at(2, 0)[0]).toBe(at(1, 0)[0]);
    expect(at(0, 2)[0]).toBeGreaterThan(at(0, 1)[0]);
  });

  it('rejects a grid smaller than 2×2', () => {
    expect(() => latentMapLatents(1)).toThrow('latent map size must be an integer ≥ 2, got 1');
  });
});
