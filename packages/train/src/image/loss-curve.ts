import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sharp from 'sharp';

/** Losses recorded after one step. */
export interface LossPoint {
  step: number;
  losses: Record<string, number>;
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
const WIDTH = 800;
const HEIGHT = 400;
const MARGIN = { left: 64, right: 16, top: 28, bottom: 40 };

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Averages points into at most `buckets` consecutive groups (smooths noisy per-step losses). */
function bucketed(points: readonly LossPoint[], key: string, buckets: number): [number, number][] {
  const finite = points.filter((p) => Number.isFinite(p.losses[key]));
  const size = Math.max(1, Math.ceil(finite.length / buckets));
  const out: [number, number][] = [];
  for (let i = 0; i < finite.length; i += size) {
    const group = finite.slice(i, i + size);
    out.push([group.reduce((s, p) => s + p.step, 0) / group.length, group.reduce((s, p) => s + p.losses[key]!, 0) / group.length]);
  }
  return out;
}

/** About `count` round tick values (multiples of 1, 2 or 5 × 10ⁿ) covering [min, max]. */
export function niceTicks(min: number, max: number, count: number): number[] {
  const span = max - min || 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/**
 * An SVG line chart of every named loss against the step (each series averaged into at most 200
 * buckets), with axes, ticks and a legend.
 */
export function lossCurveSvg(points: readonly LossPoint[], title = 'training losses'): string {
  const keys = [...new Set(points.flatMap((p) => Object.keys(p.losses)))];
  const series = keys.map((key) => ({ key, values: bucketed(points, key, 200) }));
  const all = series.flatMap((s) => s.values);
  const steps = all.map(([x]) => x);
  const values = all.map(([, y]) => y);
  const [x0, x1] = steps.length ? [Math.min(...steps), Math.max(...steps)] : [0, 1];
  let [y0, y1] = values.length ? [Math.min(...values), Math.max(...values)] : [0, 1];
  if (y1 - y0 < 1e-9) [y0, y1] = [y0 - 0.5, y1 + 0.5];
  const pad = (y1 - y0) * 0.05;
  [y0, y1] = [y0 - pad, y1 + pad];
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x: number): number => MARGIN.left + (x1 === x0 ? plotW / 2 : ((x - x0) / (x1 - x0)) * plotW);
  const sy = (y: number): number => MARGIN.top + (1 - (y - y0) / (y1 - y0)) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="18" text-anchor="middle" font-size="14">${escapeXml(title)}</text>`,
  ];
  for (const t of niceTicks(y0, y1, 5)) {
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${sy(t).toFixed(1)}" y2="${sy(t).toFixed(1)}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${(sy(t) + 4).toFixed(1)}" text-anchor="end">${t}</text>`);
  }
  for (const t of niceTicks(x0, x1, 6)) {
    parts.push(`<text x="${sx(t).toFixed(1)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${t}</text>`);
  }
  parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`);
  parts.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 6}" text-anchor="middle">step</text>`);
  series.forEach(({ key, values: line }, index) => {
    const color = COLORS[index % COLORS.length]!;
    const path = line.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ');
    parts.push(`<polyline data-loss="${escapeXml(key)}" fill="none" stroke="${color}" stroke-width="1.5" points="${path}"/>`);
    const ly = MARGIN.top + 14 + index * 16;
    parts.push(`<line x1="${WIDTH - MARGIN.right - 70}" x2="${WIDTH - MARGIN.right - 50}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="2"/>`);
    parts.push(`<text x="${WIDTH - MARGIN.right - 46}" y="${ly}">${escapeXml(key)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** Renders {@link lossCurveSvg} to a PNG with sharp. */
export async function writeLossCurve(points: readonly LossPoint[], path: string, title?: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  await sharp(Buffer.from(lossCurveSvg(points, title))).png().toFile(path);
}
