import { describe, expect, it } from 'vitest';
import type { LeaderboardRow } from './api.js';
import { figureLabel, sortRows } from './leaderboard-table.js';

const row = (id: string, metrics: Record<string, number>): LeaderboardRow => ({ kind: 'model', id, name: id, family: 'f', dataset: 'd', metrics });

describe('leaderboard sorting', () => {
  it('sorts by a figure either way, rows without it last', () => {
    const rows = [row('a', { fid: 3 }), row('b', {}), row('c', { fid: 1 })];
    expect(sortRows(rows, 'fid', true).map((entry) => entry.id)).toEqual(['c', 'a', 'b']);
    expect(sortRows(rows, 'fid', false).map((entry) => entry.id)).toEqual(['a', 'c', 'b']);
  });

  it('labels known figures with their better direction and passes unknown ones through', () => {
    expect(figureLabel('fid')).toBe('FID ↓');
    expect(figureLabel('somethingNew')).toBe('somethingNew');
  });

  it('labels translators\' figures by measure and direction, keeping which way is better', () => {
    expect(figureLabel('ssimA2b')).toBe('SSIM a2b ↑');
    expect(figureLabel('fidB2a')).toBe('FID b2a ↓');
    expect(figureLabel('kidStdA2b')).toBe('KID std a2b');
    expect(figureLabel('cycleL1A')).toBe('cycle L1 a ↓');
  });
});
