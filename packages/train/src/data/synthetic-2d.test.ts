import { describe, expect, it } from 'vitest';
import { gridCenters, ringCenters, sampleSynthetic2d, synthetic2dSplit, SYNTHETIC_2D_EVAL_SEED, SYNTHETIC_2D_NAMES } from './synthetic-2d.js';

function pairs(values: Float32Array): [number, number][] {
  return Array.from({ length: values.length / 2 }, (_, i) => [values[2 * i]!, values[2 * i + 1]!]);
}

describe('synthetic 2-D sets', () => {
  it('ring-8: centres on the unit circle 45° apart; points near their mode', () => {
    const centers = pairs(ringCenters());
    expect(centers.length).toBe(8);
    for (const [x, y] of centers) expect(Math.hypot(x, y)).toBeCloseTo(1, 6);
    expect(centers[2]![0]).toBeCloseTo(0, 6);
    expect(centers[2]![1]).toBeCloseTo(1, 6);
    const set = sampleSynthetic2d('ring-8', { count: 2000, seed: 1, std: 0.02 });
    const seen = new Set(set.modes);
    expect(seen.size).toBe(8);
    for (let i = 0; i < set.count; i++) {
      const [cx, cy] = centers[set.modes[i]!]!;
      expect(Math.hypot(set.points[2 * i]! - cx, set.points[2 * i + 1]! - cy)).toBeLessThan(0.15);
    }
  });

  it('grid-25: centres are exactly {−4, −2, 0, 2, 4}²', () => {
    const centers = pairs(gridCenters()).map(([x, y]) => `${x},${y}`).sort();
    const expected = [-4, -2, 0, 2, 4].flatMap((x) => [-4, -2, 0, 2, 4].map((y) => `${x},${y}`)).sort();
    expect(centers).toEqual(expected);
  });

  it('std is configurable: the empirical std around the modes matches', () => {
    for (const std of [0.05, 0.2]) {
      const set = sampleSynthetic2d('grid-25', { count: 4000, seed: 2, std });
      const centers = gridCenters();
      let sum = 0;
      for (let i = 0; i < set.count; i++) sum += (set.points[2 * i]! - centers[2 * set.modes[i]!]!) ** 2;
      expect(Math.sqrt(sum / set.count)).toBeCloseTo(std, 2);
    }
  });

  it('two moons and swiss roll lie on their curves when std = 0', () => {
    const moons = sampleSynthetic2d('two-moons', { count: 500, seed: 3, std: 0 });
    for (const [x, y] of pairs(moons.points)) {
      const upper = Math.abs(Math.hypot(x, y) - 1) < 1e-5 && y >= -1e-6;
      const lower = Math.abs(Math.hypot(x - 1, y - 0.5) - 1) < 1e-5 && y <= 0.5 + 1e-6;
      expect(upper || lower).toBe(true);
    }
    const roll = sampleSynthetic2d('swiss-roll', { count: 500, seed: 3, std: 0 });
    for (const [x, y] of pairs(roll.points)) {
      const r = Math.hypot(x, y) * 15;
      expect(r).toBeGreaterThanOrEqual(1.5 * Math.PI - 1e-4);
      expect(r).toBeLessThan(4.5 * Math.PI + 1e-4);
    }
  });

  it('is seeded: same seed same points, different seed different points', () => {
    for (const name of SYNTHETIC_2D_NAMES) {
      const a = sampleSynthetic2d(name, { count: 100, seed: 7 });
      expect(Array.from(sampleSynthetic2d(name, { count: 100, seed: 7 }).points)).toEqual(Array.from(a.points));
      expect(Array.from(sampleSynthetic2d(name, { count: 100, seed: 8 }).points)).not.toEqual(Array.from(a.points));
    }
  });

  it('bad names and sizes give one-line errors', () => {
    expect(() => sampleSynthetic2d('spiral', { count: 1, seed: 0 })).toThrow(/^unknown 2-D dataset 'spiral' \(expected one of ring-8, grid-25, two-moons, swiss-roll\)$/);
    expect(() => sampleSynthetic2d('ring-8', { count: 0, seed: 0 })).toThrow(/count must be a positive integer/);
  });

  it('has a fixed held-out split, the same for every training seed', () => {
    const a = synthetic2dSplit('two-moons', { trainCount: 100, evalCount: 50, seed: 1 });
    const b = synthetic2dSplit('two-moons', { trainCount: 100, evalCount: 50, seed: 2 });
    expect(Array.from(a.eval.points)).toEqual(Array.from(b.eval.points));
    expect(Array.from(a.train.points)).not.toEqual(Array.from(b.train.points));
    expect(() => synthetic2dSplit('ring-8', { trainCount: 1, evalCount: 1, seed: SYNTHETIC_2D_EVAL_SEED })).toThrow(/reserved/);
  });
});
