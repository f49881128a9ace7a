import { describe, expect, it } from 'vitest';
import { clampLatent, latentToPlane, mosaicLatents, planeToLatent } from './latent-plane.js';

describe('latent plane', () => {
  it('maps the box corners to the plane corners, y upwards', () => {
    expect(planeToLatent(0, 0, 200, 100)).toEqual({ x: -3, y: 3 });
    expect(planeToLatent(200, 100, 200, 100)).toEqual({ x: 3, y: -3 });
    expect(planeToLatent(100, 50, 200, 100)).toEqual({ x: 0, y: 0 });
    expect(planeToLatent(-50, 500, 200, 100)).toEqual({ x: -3, y: -3 });
  });

  it('inverts', () => {
    const { px, py } = latentToPlane({ x: 1.5, y: -0.75 }, 300, 300);
    const back = planeToLatent(px, py, 300, 300);
    expect(back.x).toBeCloseTo(1.5, 10);
    expect(back.y).toBeCloseTo(-0.75, 10);
    expect(clampLatent({ x: 7, y: -9 })).toEqual({ x: 3, y: -3 });
  });

  it('lays the mosaic out row by row from the top left', () => {
    const grid = mosaicLatents(3);
    expect(Array.from(grid.subarray(0, 2))).toEqual([-2, 2]);
    expect(Array.from(grid.subarray(8, 10))).toEqual([0, 0]);
    expect(Array.from(grid.subarray(16, 18))).toEqual([2, -2]);
  });
});
