import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCliOutput } from '../cli/cli-test-support.js';
import { run } from '../cli/index.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-study-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const output = captureCliOutput();

describe('genzoo train study-2d', () => {
  it('runs a tiny study and writes its table', async () => {
    const argv = ['study-2d', '--dataset', 'grid', '--configs', 'gan,hinge-sn', '--seeds', '2', '--steps', '2', '--batch-size', '8', '--backend', 'wasm', '--out', scratch];
    expect(await run(argv)).toBe(0);
    expect(existsSync(join(scratch, 'grid', 'results.md')) && existsSync(join(scratch, 'grid', 'gan-snapshots.png'))).toBe(true);
    const oneSeedOfMany = ['study-2d', '--dataset', 'grid', '--configs', 'gan', '--seeds', '4-4', '--steps', '2', '--batch-size', '8', '--backend', 'wasm', '--out', scratch];
    expect(await run(oneSeedOfMany)).toBe(0);
    expect(readdirSync(join(scratch, 'grid', 'seeds')).filter((file) => file.startsWith('gan-')).sort()).toEqual(['gan-seed1.json', 'gan-seed2.json', 'gan-seed4.json']);
  }, 120_000);

  it('gives some configurations their own step count, and reports rows of different lengths side by side', async () => {
    const out = join(scratch, 'config-steps');
    const common = ['study-2d', '--dataset', 'ring', '--configs', 'gan,ns-gan', '--seeds', '1', '--steps', '2', '--batch-size', '8', '--backend', 'wasm', '--out', out];
    expect(await run([...common, '--config-steps', 'ns-gan=3'])).toBe(0);
    expect(await run([...common, '--config-steps', 'ns-gan=3', '--report-only'])).toBe(0);
    const table = readFileSync(join(out, 'ring', 'results.md'), 'utf8');
    expect(table).toMatch(/\| GAN \(minimax\) \|.*\| 1 \| 2 \|/);
    expect(table).toMatch(/\| non-saturating GAN \|.*\| 1 \| 3 \|/);
    expect(await run([...common, '--report-only'])).toBe(1);
    expect(String(output.errors().mock.calls.at(-1)![0])).toMatch(/ns-gan-seed1\.json was trained with other settings/);
  }, 120_000);

  it.each([
    [['study-2d', '--dataset', 'moons', '--out', 'x'], /--dataset/],
    [['study-2d', '--dataset', 'ring', '--configs', 'gan,bogus', '--out', 'x'], /^genzoo train study-2d: unknown study configuration 'bogus'/],
    [['study-2d', '--dataset', 'ring', '--seeds', '0', '--out', 'x'], /--seeds must be a positive integer n \(seeds 1…n\), a range a-b or a comma list of seeds, got '0'/],
    [['study-2d', '--dataset', 'ring', '--seeds', '5-3', '--out', 'x'], /--seeds must be .* got '5-3'/],
    [['study-2d', '--dataset', 'ring', '--seeds', '2,x', '--out', 'x'], /--seeds must be .* got '2,x'/],
    [['study-2d', '--dataset', 'ring', '--configs', 'wgan', '--out', 'x'], /--strip gan is not among --configs wgan/],
    [['study-2d', '--dataset', 'ring', '--config-steps', 'wgan:5', '--out', 'x'], /--config-steps must be a comma list of <config>=<steps>, e.g. wgan=5000, got 'wgan:5'/],
    [['study-2d', '--dataset', 'ring', '--configs', 'gan', '--config-steps', 'wgan=5', '--out', 'x'], /--config-steps names wgan, which is not among --configs gan/],
  ])('refuses %j in one line', async (argv, pattern) => {
    expect(await run(argv)).toBe(2);
    expect(output.errors().mock.calls).toHaveLength(1);
    expect(String(output.errors().mock.calls[0]![0])).toMatch(pattern);
  });
});
