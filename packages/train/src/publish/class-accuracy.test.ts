import { describe, expect, it } from 'vitest';
import { argmaxRows, classAgreement } from './class-accuracy.js';

describe('argmaxRows', () => {
  it('picks the largest logit of each row, the first on ties', () => {
    expect([...argmaxRows([0, 2, 1, 5, -1, 5, 3, 3, 3], 3)]).toEqual([1, 0, 0]);
  });

  it('refuses logits that do not make whole rows', () => {
    expect(() => argmaxRows([1, 2, 3], 2)).toThrow('3 logits do not make rows of 2 classes');
  });
});

describe('classAgreement', () => {
  it('counts agreement overall and per intended class', () => {
    // Intended: two 0s, one 1, one 2; the classifier gets one 0 and the 2 right.
    const agreement = classAgreement([0, 1, 0, 2], [0, 0, 1, 2], 4);
    expect(agreement.accuracy).toBe(0.5);
    expect(agreement.perClass.slice(0, 3)).toEqual([0.5, 0, 1]);
    expect(agreement.perClass[3]).toBeNaN();
    expect(agreement.counts).toEqual([2, 1, 1, 0]);
  });

  it('gives one-line errors for mismatched or out-of-range input', () => {
    expect(() => classAgreement([0], [0, 1], 2)).toThrow('got 1 predictions for 2 intended classes');
    expect(() => classAgreement([0], [3], 2)).toThrow('intended class 3 at index 0 is not in [0, 2)');
    expect(() => classAgreement([], [], 2)).toThrow('undefined');
  });
});
