import { describe, expect, it } from 'vitest';
import { centreInk, inkOf, toImageTensor } from './to-model-image.js';

/** A 100×100 pad with a 10×40 bar of full ink whose top-left corner is at (5, 10). */
function bar(): { ink: Float32Array; width: number; height: number } {
  const ink = new Float32Array(100 * 100);
  for (let y = 10; y < 50; y++) for (let x = 5; x < 15; x++) ink[y * 100 + x] = 1;
  return { ink, width: 100, height: 100 };
}

describe('drawing to model input', () => {
  it('reads white strokes as ink', () => {
    const { ink } = inkOf({ data: [255, 255, 255, 255, 0, 0, 0, 255], width: 2, height: 1 });
    expect(Array.from(ink)).toEqual([1, 0]);
  });

  it('fits the ink into 20 of 28 pixels, centred', () => {
    const { ink, width } = centreInk(bar(), { width: 28, height: 28 });
    const rows = new Set<number>();
    const columns = new Set<number>();
    ink.forEach((value, index) => {
      if (value > 0) {
        rows.add(Math.floor(index / width));
        columns.add(index % width);
      }
    });
    expect(rows.size).toBe(20);
    expect(Math.min(...rows)).toBe(4);
    expect(columns.size).toBe(6);
    expect((Math.min(...columns) + Math.max(...columns)) / 2).toBeCloseTo(13.5, 0);
  });

  it('gives an empty image for an empty pad', () => {
    expect(centreInk({ ink: new Float32Array(16), width: 4, height: 4 }, { width: 2, height: 2 }).ink).toEqual(new Float32Array(4));
  });

  it('writes the encoder layout and range', () => {
    const image = { ink: Float32Array.from([0, 1]), width: 2, height: 1 };
    expect(toImageTensor(image, { layout: 'NCHW', range: [-1, 1], channels: 1 })).toEqual({ dims: [1, 1, 1, 2], data: Float32Array.from([-1, 1]) });
    const nhwc = toImageTensor(image, { layout: 'NHWC', range: [0, 1], channels: 3 });
    expect(nhwc.dims).toEqual([1, 1, 2, 3]);
    expect(Array.from(nhwc.data)).toEqual([0, 0, 0, 1, 1, 1]);
  });
});
