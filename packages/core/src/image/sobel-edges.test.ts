import { describe, expect, it } from 'vitest';
import { sobelEdgeMap } from './sobel-edges.js';

describe('sobelEdgeMap', () => {
  it('marks the boundary of a filled square and nothing inside or far outside', () => {
    const plane = new Uint8Array(8 * 8);
    for (let y = 2; y < 6; y++) for (let x = 2; x < 6; x++) plane[y * 8 + x] = 255;
    const edges = sobelEdgeMap(plane, 8, 8);
    const row = (y: number) => Array.from(edges.subarray(y * 8, y * 8 + 8)).map((value) => (value ? 1 : 0)).join('');
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(row)).toEqual(['00000000', '01111110', '01111110', '01100110', '01100110', '01111110', '01111110', '00000000']);
  });

  it('finds no edge in a flat image, and follows the threshold', () => {
    expect(sobelEdgeMap(new Uint8Array(9).fill(200), 3, 3).every((value) => value === 0)).toBe(true);
    const step = Uint8Array.from([0, 0, 100, 100, 0, 0, 100, 100]);
    expect(Math.max(...sobelEdgeMap(step, 4, 2, 0.5))).toBe(255);
    expect(Math.max(...sobelEdgeMap(step, 4, 2, 2))).toBe(0);
  });

  it('refuses a plane of the wrong size', () => {
    expect(() => sobelEdgeMap(new Uint8Array(5), 2, 2)).toThrow('an edge map of 2×2 needs 4 pixels, got 5');
  });
});
