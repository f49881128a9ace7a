import { describe, expect, it } from 'vitest';
import { multiply, sqrtPsd, trace, traceSqrtProduct, type SymmetricMatrix } from './symmetric.js';

function matrix(rows: number[][]): SymmetricMatrix {
  return { size: rows.length, data: Float64Array.from(rows.flat()) };
}

/** A random symmetric PSD matrix B·Bᵀ of the given rank, from a fixed LCG. */
function randomPsd(size: number, rank: number, seed: number): SymmetricMatrix {
  let state = seed;
  const next = (): number => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const b = Array.from({ length: size }, () => Array.from({ length: rank }, next));
  return matrix(b.map((row) => b.map((other) => row.reduce((sum, value, k) => sum + value * other[k]!, 0))));
}

function maxDifference(a: SymmetricMatrix, b: SymmetricMatrix): number {
  return a.data.reduce((max, value, index) => Math.max(max, Math.abs(value - b.data[index]!)), 0);
}

describe('sqrtPsd', () => {
  it('squares back to the matrix, full rank and rank-deficient alike', () => {
    for (const [size, rank] of [[6, 6], [12, 3], [40, 39]] as const) {
      const a = randomPsd(size, rank, size * 7 + rank);
      const root = sqrtPsd(a);
      expect(maxDifference(multiply(root, root), a)).toBeLessThan(1e-9 * Math.max(1, trace(a)));
    }
  });

  it('matches the 2×2 closed form (M + √det·I) / √(tr + 2√det)', () => {
    const m = matrix([[4, 1], [1, 3]]);
    const s = Math.sqrt(4 * 3 - 1);
    const t = Math.sqrt(4 + 3 + 2 * s);
    expect(maxDifference(sqrtPsd(m), matrix([[(4 + s) / t, 1 / t], [1 / t, (3 + s) / t]]))).toBeLessThan(1e-12);
  });
});

describe('traceSqrtProduct', () => {
  it('is Σ√(aᵢbᵢ) for diagonal matrices', () => {
    const a = matrix([[4, 0, 0], [0, 9, 0], [0, 0, 0]]);
    const b = matrix([[1, 0, 0], [0, 4, 0], [0, 0, 5]]);
    expect(traceSqrtProduct(a, b)).toBeCloseTo(2 + 6 + 0, 12);
  });

  it('matches the 2×2 closed form √(tr(AB) + 2√det(AB)) for non-commuting matrices', () => {
    const a = matrix([[2, 0.5], [0.5, 1]]);
    const b = matrix([[1, -0.3], [-0.3, 3]]);
    const ab = multiply(a, b);
    const det = ab.data[0]! * ab.data[3]! - ab.data[1]! * ab.data[2]!;
    expect(traceSqrtProduct(a, b)).toBeCloseTo(Math.sqrt(trace(ab) + 2 * Math.sqrt(det)), 12);
  });

  it('is the trace itself for A·A, even when A is singular', () => {
    // Rank 5 of 30: 25 eigenvalues are zero up to rounding, and √(rounding) is what limits the precision.
    const a = randomPsd(30, 5, 3);
    expect(Math.abs(traceSqrtProduct(a, a) - trace(a)) / trace(a)).toBeLessThan(1e-6);
  });
});
