import { describe, expect, it } from 'vitest';
import { loadPointData, POINT_TRAIN_COUNT, VALIDATION_COUNT } from './density-data.js';
import { fitGmm, fitKde } from './fit-density-model.js';

describe('fitting density models to a 2-D set', () => {
  const data = loadPointData('ring', 3);

  it('splits the ring into fitting, validation and fixed held-out points', () => {
    expect([data.train.rows, data.fit.rows, data.validation.rows, data.heldOut.rows]).toEqual([POINT_TRAIN_COUNT, POINT_TRAIN_COUNT - VALIDATION_COUNT, VALIDATION_COUNT, 2000]);
    expect(data.split).toMatchObject({ trainSize: POINT_TRAIN_COUNT, heldOutSize: 2000 });
    expect(Array.from(loadPointData('ring', 4).heldOut.data.subarray(0, 4))).toEqual(Array.from(data.heldOut.data.subarray(0, 4)));
    expect(() => loadPointData('spiral', 1)).toThrow(/unknown dataset 'spiral'/);
  });

  it('a KDE picks a bandwidth below the noise std and scores near the true density', () => {
    const kde = fitKde(data, { seed: 3 });
    expect(kde.mixture.components).toBe(POINT_TRAIN_COUNT);
    if (kde.selection.family !== 'kde') throw new Error('expected a KDE selection');
    expect(kde.selection.curve.bandwidth).toBeGreaterThan(0.004);
    expect(kde.selection.curve.bandwidth).toBeLessThan(0.02);
    // The true ring density scores log(1/8) + entropy term ≈ 2.91 nats.
    expect(kde.heldOutLogLikelihood).toBeGreaterThan(2.75);
    expect(kde.heldOutLogLikelihood).toBeLessThan(2.95);
  });

  it('a mixture chosen by BIC has the 8 modes', () => {
    const gmm = fitGmm(data, { seed: 3, covarianceTypes: ['spherical', 'tied'], componentCounts: [4, 8, 12], criterion: 'bic' });
    expect(gmm.mixture.components).toBe(8);
    if (gmm.selection.family !== 'gmm') throw new Error('expected a mixture selection');
    expect(gmm.selection.candidates).toHaveLength(6);
    expect(gmm.heldOutLogLikelihood).toBeGreaterThan(2.85);
  });
});
