import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sharp from 'sharp';
import type { EarlyTraining } from './early-training.js';
import { niceTicks } from '../../image/loss-curve.js';

/** One run's curves in the figure. */
export interface EarlyTrainingCurve {
  label: string;
  series: EarlyTraining;
  /** Drawn thicker: the model the card is about. */
  own: boolean;
}

const PANEL = { width: 440, height: 300 };
const MARGIN = { left: 62, right: 14, top: 56, bottom: 40 };
const WIDTH = 2 * (PANEL.width + MARGIN.left + MARGIN.right);
const HEIGHT = PANEL.height + MARGIN.top + MARGIN.bottom + 22;
const COLORS: Record<string, string> = { minimax: '#d62728', 'non-saturating': '#1f77b4' };
const OTHER_COLORS = ['#2ca02c', '#ff7f0e', '#9467bd', '#8c564b'];

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function tickLabel(value: number): string {
  return Math.abs(value) >= 0.01 || value === 0 ? String(Number(value.toPrecision(3))) : value.toExponential(0);
}

interface Axis {
  toPixel(value: number): number;
  ticks: number[];
}

function linearAxis(low: number, high: number, pixels: number, count: number): Axis {
  const span = high - low || 1;
  return { toPixel: (value) => ((value - low) / span) * pixels, ticks: niceTicks(low, high, count) };
}

function logAxis(low: number, high: number, pixels: number): Axis {
  const [a, b] = [Math.floor(Math.log10(low)), Math.ceil(Math.log10(high))];
  const span = Math.max(b - a, 1);
  const ticks = Array.from({ length: span + 1 }, (_, i) => 10 ** (a + i));
  return { toPixel: (value) => ((Math.log10(value) - a) / span) * pixels, ticks };
}

function panel(
  curves: readonly { color: string; width: number; points: [number, number][] }[],
  x: Axis,
  y: Axis,
  offsetX: number,
  title: string,
): string[] {
  const left = offsetX + MARGIN.left;
  const top = MARGIN.top;
  const px = (value: number): string => (left + x.toPixel(value)).toFixed(1);
  const py = (value: number): string => (top + PANEL.height - y.toPixel(value)).toFixed(1);
  const parts = [`<text x="${left + PANEL.width / 2}" y="${top - 10}" text-anchor="middle" font-size="13">${escapeXml(title)}</text>`];
  for (const t of y.ticks) {
    parts.push(`<line x1="${left}" x2="${left + PANEL.width}" y1="${py(t)}" y2="${py(t)}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${left - 6}" y="${(Number(py(t)) + 4).toFixed(1)}" text-anchor="end">${tickLabel(t)}</text>`);
  }
  for (const t of x.ticks) parts.push(`<text x="${px(t)}" y="${top + PANEL.height + 16}" text-anchor="middle">${tickLabel(t)}</text>`);
  parts.push(`<rect x="${left}" y="${top}" width="${PANEL.width}" height="${PANEL.height}" fill="none" stroke="#333"/>`);
  parts.push(`<text x="${left + PANEL.width / 2}" y="${top + PANEL.height + 34}" text-anchor="middle">step</text>`);
  for (const curve of curves) {
    const points = curve.points.map(([step, value]) => `${px(step)},${py(value)}`).join(' ');
    parts.push(`<polyline fill="none" stroke="${curve.color}" stroke-width="${curve.width}" points="${points}"/>`);
  }
  return parts;
}

/**
 * Two panels over the first steps of one or more runs: the generator's gradient norm on a log scale (left)
 * and the mean D(G(z)) seen in the generator update (right), one colour per loss, with a legend.
 */
export function earlyTrainingSvg(curves: readonly EarlyTrainingCurve[]): string {
  const colored = curves.map((curve, index) => ({
    ...curve,
    color: COLORS[curve.series.loss] ?? OTHER_COLORS[index % OTHER_COLORS.length]!,
    width: curve.own ? 2.2 : 1.4,
  }));
  const lastStep = Math.max(...curves.flatMap((curve) => curve.series.steps), 1);
  const x = linearAxis(0, lastStep, PANEL.width, 5);
  const norms = curves.flatMap((curve) => curve.series.gGrad).filter((value) => value > 0);
  const gradAxis = logAxis(Math.min(...norms, 1), Math.max(...norms, 1), PANEL.height);
  const probabilityAxis = linearAxis(0, 1, PANEL.height, 5);
  const line = (values: (series: EarlyTraining) => number[], positive: boolean) =>
    colored.map((curve) => ({
      color: curve.color,
      width: curve.width,
      points: curve.series.steps.map((step, i) => [step, values(curve.series)[i]!] as [number, number]).filter(([, value]) => !positive || value > 0),
    }));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    ...panel(line((s) => s.gGrad, true), x, gradAxis, 0, "generator gradient norm ‖∇G‖ (log scale)"),
    ...panel(line((s) => s.dFake, false), x, probabilityAxis, PANEL.width + MARGIN.left + MARGIN.right, 'D(G(z)): mean probability D gives the fakes'),
  ];
  let lx = MARGIN.left;
  for (const curve of colored) {
    const ly = 18;
    parts.push(`<line x1="${lx}" x2="${lx + 22}" y1="${ly - 4}" y2="${ly - 4}" stroke="${curve.color}" stroke-width="${curve.width + 0.6}"/>`);
    parts.push(`<text x="${lx + 28}" y="${ly}">${escapeXml(curve.label)}</text>`);
    // About 7 px per character of 12 px sans-serif, then a gap before the next entry.
    lx += 28 + 7 * curve.label.length + 24;
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** Renders {@link earlyTrainingSvg} to a PNG. */
export async function writeEarlyTrainingFigure(curves: readonly EarlyTrainingCurve[], path: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  await sharp(Buffer.from(earlyTrainingSvg(curves))).png().toFile(path);
}
