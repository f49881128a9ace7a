import { describe, expect, it } from 'vitest';
import { interpolationPath, lerp, slerp } from './interpolate.js';

const a = Float32Array.from([1, 0]);
const b = Float32Array.from([0, 1]);

describe('interpolation', () => {
  it('lerp goes along the chord', () => {
    expect(Array.from(lerp(a, b, 0.5))).toEqual([0.5, 0.5]);
  });

  it('slerp keeps unit vectors on the unit circle', () => {
    const mid = slerp(a, b, 0.5);
    expect(mid[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(mid[1]).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('slerp falls back to lerp for parallel vectors', () => {
    expect(Array.from(slerp(a, Float32Array.from([2, 0]), 0.5))).toEqual([1.5, 0]);
  });

  it('paths include both end points', () => {
    const path = interpolationPath(a, b, 5, 'lerp');
    expect(path.dims).toEqual([5, 2]);
    expect(Array.from(path.data.subarray(0, 2))).toEqual([1, 0]);
    expect(Array.from(path.data.subarray(8, 10))).toEqual([0, 1]);
  });

  it('rejects bad steps, methods and mismatched sizes', () => {
    expect(() => interpolationPath(a, b, 1)).toThrow('steps must be an integer of at least 2, got 1');
    expect(() => interpolationPath(a, b, 3, 'cubic' as 'lerp')).toThrow('interpolation method must be "lerp" or "slerp"');
    expect(() => lerp(a, Float32Array.from([1]), 0.5)).toThrow('cannot interpolate vectors of sizes 2 and 1');
  });
});
