import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LossPoint } from '../../image/loss-curve.js';
import { readLossHistory, wassersteinEstimates } from './critic-estimate.js';

const work = mkdtempSync(join(tmpdir(), 'genzoo-critic-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('critic Wasserstein estimate', () => {
  it('negates the critic loss and removes the weighted penalty', () => {
    const points: LossPoint[] = [{ step: 1, losses: { d: -3, g: 1, gp: 0.5 } }, { step: 2, losses: { d: Number.NaN, g: 1 } }];
    expect(wassersteinEstimates(points, { loss: 'wasserstein', gradientPenalty: 10 })).toEqual([{ step: 1, losses: { 'W₁': 3 + 5 } }]);
    expect(wassersteinEstimates(points, { loss: 'wasserstein', weightClip: 0.01 })).toEqual([{ step: 1, losses: { 'W₁': 3 } }]);
  });

  it('reads a loss history, skipping a line cut short by a kill', () => {
    writeFileSync(join(work, 'losses.jsonl'), '{"step":1,"losses":{"d":-1}}\n{"step":2,"losses":{"d":-2}}\n{"step":3,"los');
    expect(readLossHistory(work).map((point) => point.step)).toEqual([1, 2]);
    expect(readLossHistory(join(work, 'missing'))).toEqual([]);
  });
});
