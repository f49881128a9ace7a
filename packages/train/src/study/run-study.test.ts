import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { runStudy } from './run-study.js';
import { studyConfigs } from './study-configs.js';
import { meanSe } from './study-summary.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-study-'));
beforeAll(async () => {
  await selectBackend('wasm');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const tiny = { steps: 2, batchSize: 8, generatorHidden: [8], discriminatorHidden: [8] };

describe('runStudy', () => {
  it('trains configurations × seeds, writes the table, plots and strip, and resumes without retraining', async () => {
    const options = { dataset: 'ring', configs: studyConfigs('gan,pacgan2,veegan'), seeds: [1, 2], out: scratch, overrides: tiny };
    const first = await runStudy(options);
    expect(first.trained).toBe(6);
    const folder = join(scratch, 'ring');
    expect(readdirSync(join(folder, 'seeds')).sort()).toEqual(['gan-seed1.json', 'gan-seed2.json', 'pacgan2-seed1.json', 'pacgan2-seed2.json', 'veegan-seed1.json', 'veegan-seed2.json']);
    for (const file of ['results.md', 'results.json', 'gan.png', 'pacgan2.png', 'veegan.png', 'gan-snapshots.png']) expect(existsSync(join(folder, file)), file).toBe(true);
    const markdown = readFileSync(join(folder, 'results.md'), 'utf8');
    expect(markdown).toMatch(/\| GAN \(minimax\) \| \d\.\d ± \d\.\d \| [\d.]+ ± [\d.]+ \| [\d.]+ ± [\d.]+ \| (yes|no) \| 2 \| 2 \|/);
    expect(markdown).toContain('| PacGAN2 (published, Lin et al. 2018) | 7.9 | 95.6 | 0.07 |');
    const json = JSON.parse(readFileSync(join(folder, 'results.json'), 'utf8')) as { rows: { config: string; seeds: number[] }[] };
    expect(json.rows.map((row) => [row.config, row.seeds])).toEqual([['gan', [1, 2]], ['pacgan2', [1, 2]], ['veegan', [1, 2]]]);

    rmSync(join(folder, 'seeds', 'gan-seed2.json'));
    const report = await runStudy({ ...options, configs: studyConfigs('gan,pacgan2,pacgan4'), reportOnly: true });
    expect(report.trained).toBe(0);
    expect(report.rows.map((row) => [row.config, row.seeds])).toEqual([['gan', [1]], ['pacgan2', [1, 2]]]);
    await expect(runStudy({ ...options, configs: studyConfigs('pacgan4'), reportOnly: true })).rejects.toThrow(/^no finished runs in .* for pacgan4$/);
    const resumed = await runStudy(options);
    expect(resumed.trained).toBe(1);
    await expect(runStudy({ ...options, overrides: { ...tiny, steps: 3 } })).rejects.toThrow(/was trained with other settings/);
  }, 120_000);

  it('keeps the rows, plots and strip of configurations whose per-seed files are gone when it only reports', async () => {
    const out = mkdtempSync(join(scratch, 'earlier-'));
    const options = { dataset: 'ring', configs: studyConfigs('gan,veegan'), seeds: [1], out, overrides: tiny };
    const first = await runStudy(options);
    const folder = join(out, 'ring');
    const firstJson = JSON.parse(readFileSync(join(folder, 'results.json'), 'utf8')) as { strip: { config: string; seed: number; steps: number[] } };
    expect(firstJson.strip).toEqual({ config: 'gan', seed: 1, steps: [1, 2] });
    rmSync(join(folder, 'seeds', 'gan-seed1.json'));

    const report = await runStudy({ ...options, reportOnly: true });
    expect(report.rows).toEqual(first.rows);
    const markdown = readFileSync(join(folder, 'results.md'), 'utf8');
    expect(markdown).toContain('![gan, seed 1](gan.png)');
    expect(markdown).toContain('## Training snapshots of gan, seed 1\n\nSteps 1, 2 (left to right)');
    expect(JSON.parse(readFileSync(join(folder, 'results.json'), 'utf8'))).toEqual(firstJson);

    const otherSteps = await runStudy({ ...options, overrides: { ...tiny, steps: 3 }, reportOnly: true, configs: studyConfigs('gan') }).catch((error: Error) => error);
    expect(otherSteps).toBeInstanceOf(Error);
    expect((otherSteps as Error).message).toMatch(/^no finished runs in .* for gan$/);
  }, 120_000);

  it('refuses unknown configurations and datasets in one line', async () => {
    expect(() => studyConfigs('gan,wgan-lp')).toThrow(/^unknown study configuration 'wgan-lp' \(expected all or some of gan, ns-gan/);
    await expect(runStudy({ dataset: 'ring', configs: studyConfigs('gan'), seeds: [0], out: scratch })).rejects.toThrow('seeds must be positive integers, got [0]');
    await expect(runStudy({ dataset: 'spiral', configs: studyConfigs('gan'), seeds: [1], out: scratch })).rejects.toThrow("unknown 2-D dataset 'spiral' (expected one of ring, grid)");
  });
});

describe('meanSe', () => {
  it('is the mean and the sample standard deviation over √n', () => {
    const { mean, se } = meanSe([1, 2, 3]);
    expect(mean).toBe(2);
    expect(se).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(meanSe([4])).toEqual({ mean: 4, se: 0 });
  });
});
