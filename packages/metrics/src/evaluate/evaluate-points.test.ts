import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifest } from '@genzoo/core';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../cli/eval-command.js';
import { GRID_25 } from '../synthetic/mixtures.js';
import { evaluateModel } from './evaluate-model.js';
import { mixtureLogDensity } from './evaluate-points.js';
import { POINT_DATASETS } from './point-protocol.js';
import { writeEvaluation } from './write-results.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-eval-points-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('2-D points evaluation', () => {
  it('scores points under the true mixture in closed form', () => {
    const ring = POINT_DATASETS.ring!.modes!;
    expect(mixtureLogDensity(ring, 1, 0)).toBeCloseTo(-Math.log(8) - Math.log(2 * Math.PI * 0.02 ** 2), 10);
    const between = mixtureLogDensity(GRID_25, 1, 0);
    const expected = Math.log((2 * Math.exp(-1 / (2 * 0.05 ** 2))) / 25 / (2 * Math.PI * 0.05 ** 2));
    expect(between).toBeCloseTo(expected, 6);
  });

  it('draws the curved sets the way the training data has them, reproducibly', () => {
    const moons = POINT_DATASETS.moons!.sample(500, 1);
    const again = POINT_DATASETS.moons!.sample(500, 1);
    expect(Array.from(moons.data)).toEqual(Array.from(again.data));
    expect(POINT_DATASETS.moons!.modes).toBeUndefined();
    for (let i = 0; i < moons.rows; i++) {
      const [x, y] = [moons.data[2 * i]!, moons.data[2 * i + 1]!];
      // Each point is near the upper circle (centre 0, 0) or the lower one (centre 1, 0.5), radius 1.
      const off = Math.min(Math.abs(Math.hypot(x, y) - 1), Math.abs(Math.hypot(x - 1, y - 0.5) - 1));
      expect(off).toBeLessThan(0.3);
    }
    const roll = POINT_DATASETS['swiss-roll']!.sample(500, 2);
    for (let i = 0; i < roll.rows; i++) expect(Math.hypot(roll.data[2 * i]!, roll.data[2 * i + 1]!)).toBeLessThan(1.3);
  });

  it('measures a shipped mixture of the ring: held-out log-density near the truth, all modes, and writes manifest and card', async () => {
    const folder = join(scratch, 'gmm-ring');
    cpSync(new URL('../../../../models/gmm-ring', import.meta.url), folder, { recursive: true });
    const outcome = await evaluateModel(folder, { device: 'cpu', cwd: scratch, env: {} });
    expect(outcome.protocol).toMatchObject({ n: 2500, seed: 0, reference: { dataset: 'ring', split: 'held-out', size: 2000 }, extractor: { id: 'gmm-ring', file: 'density.onnx' } });
    expect(outcome.figures.modesCaptured).toBe(8);
    expect(outcome.figures.highQuality).toBeGreaterThan(0.9);
    expect(outcome.figures.reverseKl).toBeLessThan(0.01);
    const truth = outcome.protocol.settings.trueHeldOutLogDensity!;
    expect(Math.abs(outcome.figures.heldOutLogDensity! - truth)).toBeLessThan(0.1);
    await writeEvaluation(outcome);
    const manifest = parseManifest(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')), 'manifest.json');
    expect(manifest.evaluation?.figures).toEqual(['heldOutLogDensity', 'modesCaptured', 'highQuality', 'reverseKl']);
    expect(manifest.metrics.modesCaptured).toBe(8);
    const card = readFileSync(join(folder, 'README.md'), 'utf8');
    expect(card).toContain('modes captured ↑ | 8 |');
    expect(card).toContain('on which the true density scores');

    let stdout = '';
    const code = await run(['-m', folder, '--check', '--device', 'cpu'], { stdout: (text) => (stdout += text), stderr: () => undefined, cwd: scratch, env: {} });
    expect(stdout).toContain('all recorded figures reproduce');
    expect(code).toBe(0);
  }, 120_000);

  it('refuses more samples than one batch of points allows', async () => {
    await expect(evaluateModel(join(scratch, 'gmm-ring'), { n: 5000, device: 'cpu', cwd: scratch, env: {} })).rejects.toThrow(/at most 4096/);
  });
});
