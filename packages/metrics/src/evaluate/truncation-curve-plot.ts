import type { TruncationCurvePoint } from './truncation-curve.js';

const PANEL = { width: 420, height: 300 };
// The top margin holds the title and, above the plot, the legend.
const MARGIN = { left: 56, right: 24, top: 48, bottom: 44 };
const COLORS = { fid: '#1f77b4', precision: '#d62728', recall: '#2ca02c' } as const;

/** One plotted series: a figure's values in the order of the x positions. */
interface Series {
  name: keyof typeof COLORS;
  values: number[];
}

/** Points ordered along the x axis: thresholds ascending, the untruncated prior (`null`) last. */
export function plotOrder(points: readonly TruncationCurvePoint[]): TruncationCurvePoint[] {
  return [...points].sort((a, b) => (a.truncation ?? Infinity) - (b.truncation ?? Infinity));
}

/** Axis label of a threshold. */
export function thresholdLabel(truncation: number | null): string {
  return truncation === null ? 'none' : String(truncation);
}

function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= value)!;
}

/** One panel: the series against evenly spaced thresholds, y from 0 to `yMax`, placed at `offsetX`. */
function panel(title: string, labels: readonly string[], series: readonly Series[], yMax: number, offsetX: number): string[] {
  const plotW = PANEL.width - MARGIN.left - MARGIN.right;
  const plotH = PANEL.height - MARGIN.top - MARGIN.bottom;
  const x = (index: number): number => offsetX + MARGIN.left + (labels.length === 1 ? plotW / 2 : (index / (labels.length - 1)) * plotW);
  const y = (value: number): number => MARGIN.top + (1 - Math.min(value, yMax) / yMax) * plotH;
  const parts = [`<text x="${offsetX + PANEL.width / 2}" y="20" text-anchor="middle" font-size="14">${title}</text>`];
  for (let tick = 0; tick <= 4; tick++) {
    const value = (yMax * tick) / 4;
    parts.push(`<line x1="${offsetX + MARGIN.left}" x2="${offsetX + PANEL.width - MARGIN.right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${offsetX + MARGIN.left - 6}" y="${(y(value) + 4).toFixed(1)}" text-anchor="end">${Number(value.toPrecision(3))}</text>`);
  }
  labels.forEach((label, index) => parts.push(`<text x="${x(index).toFixed(1)}" y="${PANEL.height - MARGIN.bottom + 16}" text-anchor="middle">${label}</text>`));
  parts.push(`<rect x="${offsetX + MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`);
  parts.push(`<text x="${offsetX + MARGIN.left + plotW / 2}" y="${PANEL.height - 8}" text-anchor="middle">truncation threshold</text>`);
  series.forEach(({ name, values }, index) => {
    const color = COLORS[name];
    parts.push(`<polyline data-series="${name}" fill="none" stroke="${color}" stroke-width="2" points="${values.map((value, i) => `${x(i).toFixed(1)},${y(value).toFixed(1)}`).join(' ')}"/>`);
    values.forEach((value, i) => parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(value).toFixed(1)}" r="3" fill="${color}"/>`));
    if (series.length > 1) {
      const legendY = MARGIN.top - 8;
      const legendX = offsetX + MARGIN.left + index * 100;
      parts.push(`<line x1="${legendX}" x2="${legendX + 20}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${color}" stroke-width="2"/>`);
      parts.push(`<text x="${legendX + 24}" y="${legendY}">${name}</text>`);
    }
  });
  return parts;
}

/**
 * The fidelity/variety trade-off as an SVG of two panels against the truncation threshold: FID (lower is better)
 * on the left, precision (fidelity) and recall (variety) on the right.
 */
export function truncationCurveSvg(points: readonly TruncationCurvePoint[], model: string): string {
  const ordered = plotOrder(points);
  const labels = ordered.map((point) => thresholdLabel(point.truncation));
  const fid = ordered.map((point) => point.fid);
  const width = 2 * PANEL.width;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${PANEL.height + 20}" viewBox="0 0 ${width} ${PANEL.height + 20}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${PANEL.height + 20}" fill="white"/>`,
    ...panel(`FID of ${model} (lower is better)`, labels, [{ name: 'fid', values: fid }], niceMax(Math.max(...fid)), 0),
    ...panel('precision (fidelity) and recall (variety)', labels, [
      { name: 'precision', values: ordered.map((point) => point.precision) },
      { name: 'recall', values: ordered.map((point) => point.recall) },
    ], 1, PANEL.width),
    `<text x="${width / 2}" y="${PANEL.height + 14}" text-anchor="middle" fill="#555">"none": latents from the full standard normal</text>`,
    '</svg>',
  ].join('\n');
}
