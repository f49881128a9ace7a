import { describe, expect, it } from 'vitest';
import { tensor } from '../tensor.js';
import { boundsOf, plotGrid, scatterPlot } from './scatter.js';

const pixel = (image: { width: number; data: Uint8ClampedArray }, x: number, y: number) => Array.from(image.data.subarray(4 * (y * image.width + x), 4 * (y * image.width + x) + 4));

describe('scatterPlot', () => {
  const bounds = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

  it('puts points where their coordinates say, with y growing upwards', () => {
    const points = tensor(new Float32Array([0.5, 0.5, -0.5, -0.5]), [2, 2]);
    const image = scatterPlot([{ points, color: [255, 0, 0, 255], radius: 1 }], { size: 100, bounds, background: [0, 0, 0, 255] });
    expect(pixel(image, 75, 25)).toEqual([255, 0, 0, 255]);
    expect(pixel(image, 25, 75)).toEqual([255, 0, 0, 255]);
    expect(pixel(image, 25, 25)).toEqual([0, 0, 0, 255]);
  });

  it('blends translucent dots and draws later layers on top', () => {
    const points = tensor(new Float32Array([0, 0]), [1, 2]);
    const image = scatterPlot(
      [
        { points, color: [0, 0, 255, 255], radius: 2 },
        { points, color: [255, 0, 0, 128], radius: 2 },
      ],
      { size: 20, bounds },
    );
    expect(pixel(image, 10, 10)).toEqual([128, 0, 127, 255]);
  });

  it('paints a heat map sampled on plotGrid, brightest where the field is highest', () => {
    const grid = plotGrid(bounds, 8);
    const values = Array.from({ length: 64 }, (_, cell) => -((grid.data[2 * cell]! - 0.5) ** 2 + (grid.data[2 * cell + 1]! - 0.5) ** 2));
    const image = scatterPlot([], { size: 64, bounds, heat: { values, resolution: 8 } });
    const brightness = (x: number, y: number) => pixel(image, x, y).slice(0, 3).reduce((sum, value) => sum + value, 0);
    expect(brightness(47, 15)).toBeGreaterThan(brightness(15, 47));
  });

  it('lays the grid out row by row from the top', () => {
    const grid = plotGrid(bounds, 2);
    expect(Array.from(grid.data)).toEqual([-0.5, 0.5, 0.5, 0.5, -0.5, -0.5, 0.5, -0.5]);
  });

  it('fits default bounds around every point set', () => {
    const box = boundsOf([tensor(new Float32Array([0, 0, 2, 1]), [2, 2])], 0);
    expect(box).toEqual({ xMin: 0, xMax: 2, yMin: -0.5, yMax: 1.5 });
  });

  it('rejects points that are not 2-D', () => {
    expect(() => scatterPlot([{ points: tensor(new Float32Array(3), [1, 3]), color: [0, 0, 0, 255] }])).toThrow('scatter layer 0 must have shape [N, 2], got [1, 3]');
  });
});
