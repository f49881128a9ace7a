import { describe, expect, it } from 'vitest';
import { mixtureLogDensity } from './gaussian-mixture.js';
import { bandwidthGrid, kdeLogDensity, kdeMixture, scottBandwidth, selectBandwidth } from './kde.js';
import { points } from './points.js';
import { blobs, grid2d } from './test-support.js';

describe('Gaussian KDE', () => {
  const train = points([0, 0, 1, 0, 0, 2], 3, 2);

  it('equals the brute-force formula and the equivalent mixture', () => {
    const x = points([0.5, 0.5, -1, 3], 2, 2);
    const h = 0.7;
    const brute = [0, 1].map((i) => {
      let sum = 0;
      for (let t = 0; t < 3; t++) {
        const sq = (x.data[2 * i]! - train.data[2 * t]!) ** 2 + (x.data[2 * i + 1]! - train.data[2 * t + 1]!) ** 2;
        sum += Math.exp(-sq / (2 * h * h)) / (2 * Math.PI * h * h);
      }
      return Math.log(sum / 3);
    });
    const kde = kdeLogDensity(train, x, h);
    brute.forEach((v, i) => expect(kde[i]).toBeCloseTo(v, 12));
    const mixture = mixtureLogDensity(kdeMixture(train, h), x);
    brute.forEach((v, i) => expect(mixture[i]).toBeCloseTo(v, 12));
  });

  it('integrates to about 1 over a 2-D grid', () => {
    const { points: grid, cellArea } = grid2d(-4, 5, 181);
    const total = kdeLogDensity(train, grid, 0.4).reduce((sum, v) => sum + Math.exp(v) * cellArea, 0);
    expect(total).toBeCloseTo(1, 4);
  });

  it('picks a bandwidth near the data noise by held-out likelihood, from a grid around Scott\'s rule', () => {
    const centres = [[0, 0], [3, 0], [0, 3], [3, 3]];
    const fit = blobs(centres, 200, 0.1, 1);
    const heldOut = blobs(centres, 100, 0.1, 2);
    const grid = bandwidthGrid(fit);
    expect(grid).toHaveLength(25);
    expect(grid[0]).toBeCloseTo(scottBandwidth(fit) / 64, 12);
    const curve = selectBandwidth(fit, heldOut, grid);
    expect(curve.heldOutLogLikelihood).toHaveLength(25);
    expect(curve.bandwidth).toBeGreaterThan(0.03);
    expect(curve.bandwidth).toBeLessThan(0.15);
    const best = Math.max(...curve.heldOutLogLikelihood);
    expect(curve.heldOutLogLikelihood[curve.bandwidths.indexOf(curve.bandwidth)]).toBe(best);
  });

  it('rejects bad bandwidths in one line', () => {
    expect(() => kdeLogDensity(train, train, 0)).toThrow(/bandwidth must be positive/);
    expect(() => selectBandwidth(train, train, [])).toThrow(/non-empty/);
  });
});
