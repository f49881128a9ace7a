import { describe, expect, it } from 'vitest';
import type { TruncationCurvePoint } from './truncation-curve.js';
import { plotOrder, thresholdLabel, truncationCurveSvg } from './truncation-curve-plot.js';

const point = (truncation: number | null, fid: number): TruncationCurvePoint => ({ truncation, fid, precision: 0.9, recall: 0.2, density: 1, coverage: 0.5 });

describe('truncation curve plot', () => {
  it('orders thresholds ascending with the untruncated prior last, labelled "none"', () => {
    const ordered = plotOrder([point(null, 10), point(2, 12), point(0.04, 90), point(0.5, 40)]);
    expect(ordered.map((p) => thresholdLabel(p.truncation))).toEqual(['0.04', '0.5', '2', 'none']);
  });

  it('draws FID in one panel and precision and recall in the other, one vertex per threshold', () => {
    const svg = truncationCurveSvg([point(0.04, 90), point(1, 20), point(null, 10)], 'biggan-mnist');
    const vertices = (series: string): number => svg.match(new RegExp(`data-series="${series}"[^>]*points="([^"]*)"`))![1]!.split(' ').length;
    expect([vertices('fid'), vertices('precision'), vertices('recall')]).toEqual([3, 3, 3]);
    expect(svg).toContain('FID of biggan-mnist (lower is better)');
    expect(svg).toContain('>none</text>');
    expect(svg.match(/<svg /g)).toHaveLength(1);
  });
});
