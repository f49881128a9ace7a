import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { LossHistory } from '../trainers/loss-history.js';
import { lossCurveSvg, writeLossCurve, type LossPoint } from './loss-curve.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-curve-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const points: LossPoint[] = Array.from({ length: 500 }, (_, i) => ({ step: i + 1, losses: { d: 1 / (1 + i / 50), g: 0.7 + 0.1 * Math.sin(i / 20) } }));

describe('loss curve', () => {
  it('draws one polyline per loss, bucketed to at most 200 points, with a legend', () => {
    const svg = lossCurveSvg(points);
    const lines = [...svg.matchAll(/<polyline data-loss="(\w+)"[^>]*points="([^"]*)"/g)];
    expect(lines.map((m) => m[1])).toEqual(['d', 'g']);
    for (const m of lines) expect(m[2]!.split(' ').length).toBeLessThanOrEqual(200);
    expect(svg).toContain('>step<');
  });

  it('renders a PNG with sharp', async () => {
    const path = join(scratch, 'curve.png');
    await writeLossCurve(points, path);
    const meta = await sharp(path).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 800, 400]);
    await writeLossCurve([], join(scratch, 'empty.png'));
  });

  it('loss history survives a resume, dropping steps after the checkpoint and a torn last line', () => {
    const path = join(scratch, 'losses.jsonl');
    const history = new LossHistory(path);
    for (let step = 1; step <= 5; step++) history.append(step, { d: step });
    writeFileSync(path, `${JSON.stringify({ step: 1, losses: { d: 1 } })}\n${JSON.stringify({ step: 2, losses: { d: 2 } })}\n${JSON.stringify({ step: 3, losses: { d: 3 } })}\n{"step":4,"lo`);
    const resumed = new LossHistory(path, 2);
    expect(resumed.all().map((p) => p.step)).toEqual([1, 2]);
    resumed.append(3, { d: 30 });
    expect(new LossHistory(path, 10).all().map((p) => p.losses['d'])).toEqual([1, 2, 30]);
  });
});
