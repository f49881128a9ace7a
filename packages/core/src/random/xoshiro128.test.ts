import { describe, expect, it } from 'vitest';
import { seededPermutation, Xoshiro128 } from './xoshiro128.js';

describe('Xoshiro128', () => {
  it('continues identically after a state round trip through JSON', () => {
    const a = new Xoshiro128(42);
    a.normals(7);
    const b = Xoshiro128.fromState(JSON.parse(JSON.stringify(a.getState())));
    expect(Array.from(b.normals(9))).toEqual(Array.from(a.normals(9)));
  });

  it('gives roughly standard normals', () => {
    const values = new Xoshiro128(1).normals(20000);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('permutes every index exactly once', () => {
    const p = seededPermutation(1000, 9);
    expect(new Set(p).size).toBe(1000);
    expect(p).toEqual(seededPermutation(1000, 9));
  });
});
