import { describe, expect, it } from 'vitest';
import { cholesky, forwardSolve, invertLower } from './cholesky.js';

describe('cholesky', () => {
  it('factors a known SPD matrix and solves with it', () => {
    const a = [4, 12, -16, 12, 37, -43, -16, -43, 98];
    expect(Array.from(cholesky(a, 3))).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
    const l = cholesky(a, 3);
    const y = forwardSolve(l, [2, 7, 6], 3);
    expect(Array.from(y).map((v) => +v.toFixed(12))).toEqual([1, 1, 3]);
    const inv = invertLower(l, 3);
    // L · L⁻¹ = I
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      let sum = 0;
      for (let k = 0; k < 3; k++) sum += l[i * 3 + k]! * inv[k * 3 + j]!;
      expect(sum).toBeCloseTo(i === j ? 1 : 0, 12);
    }
  });

  it('refuses matrices that are not positive definite or the wrong size', () => {
    expect(() => cholesky([1, 2, 2, 1], 2)).toThrow(/not positive definite \(pivot 1/);
    expect(() => cholesky([1, 2, 3], 2)).toThrow(/2×2 matrix/);
  });
});
