import { describe, expect, it } from 'vitest';
import type { Evaluation } from '@genzoo/core';
import { compareFigures } from './check.js';

const evaluation = {
  n: 10000,
  settings: { manifoldSamples: 2000 },
  figures: ['fid', 'kid', 'precision', 'nearCopyRate', 'heldOut.coverage'],
} as unknown as Evaluation;

describe('compareFigures', () => {
  it('accepts rounding and up to two flipped samples, and nothing more', () => {
    const recorded = { fid: 12.3456, kid: 0.0123, precision: 0.75, nearCopyRate: 0.0012, 'heldOut.coverage': 0.9 };
    const close = { fid: 12.35, kid: 0.012301, precision: 0.751, nearCopyRate: 0.0014, 'heldOut.coverage': 0.899 };
    expect(compareFigures(recorded, evaluation, close).every((check) => check.ok)).toBe(true);
    const far = { fid: 12.5, kid: 0.0125, precision: 0.752, nearCopyRate: 0.0016, 'heldOut.coverage': 0.897 };
    expect(compareFigures(recorded, evaluation, far).map((check) => check.ok)).toEqual([false, false, false, false, false]);
  });

  it('fails a figure that is missing on either side', () => {
    const checks = compareFigures({ fid: 1 }, { ...evaluation, figures: ['fid', 'kid'] }, { kid: 1 });
    expect(checks.map((check) => check.ok)).toEqual([false, false]);
  });
  it('lets a translator\'s class accuracy move by two images of its direction', () => {
    const translator = { n: 2000, settings: { samplesA2b: 200, samplesB2a: 100 }, figures: ['classAccuracyA2b', 'classAccuracyB2a'] } as unknown as Evaluation;
    const recorded = { classAccuracyA2b: 0.9, classAccuracyB2a: 0.5 };
    expect(compareFigures(recorded, translator, { classAccuracyA2b: 0.91, classAccuracyB2a: 0.52 }).every((check) => check.ok)).toBe(true);
    expect(compareFigures(recorded, translator, { classAccuracyA2b: 0.915, classAccuracyB2a: 0.53 }).map((check) => check.ok)).toEqual([false, false]);
  });
});
