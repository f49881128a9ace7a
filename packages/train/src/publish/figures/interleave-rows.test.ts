import { describe, expect, it } from 'vitest';
import { interleaveRows } from './interleave-rows.js';

describe('interleaveRows', () => {
  it('alternates a row of inputs with the row of their reconstructions', () => {
    expect(interleaveRows(['a', 'b', 'c', 'd'], ['A', 'B', 'C', 'D'], 2)).toEqual(['a', 'b', 'A', 'B', 'c', 'd', 'C', 'D']);
  });

  it('rejects lists of different lengths and columns that do not divide them', () => {
    expect(() => interleaveRows([1, 2], [1], 1)).toThrow('cannot interleave 2 tiles with 1');
    expect(() => interleaveRows([1, 2, 3], [1, 2, 3], 2)).toThrow('columns must be a positive integer dividing 3, got 2');
  });
});
