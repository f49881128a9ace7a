import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as training from '../trainers/training-run.js';
import { captureCliOutput } from './cli-test-support.js';
import { runTrainCli } from './run-train-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-cli-translator-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const { oneLine, errors } = captureCliOutput();
const runDir = (name: string): string[] => ['--run-dir', join(scratch, name), '--backend', 'wasm', '--no-progress', '--sample-every', '0'];

describe('genzoo-train pix2pix | cyclegan --task', () => {
  it('passes --task through to the trainer options, and ships translator runs with --out', async () => {
    const run = vi.spyOn(training, 'runTraining').mockResolvedValue(undefined);
    expect(await runTrainCli(['pix2pix', '--dataset', 'fashion-mnist', '--task', 'edges', ...runDir('p2p')])).toBe(0);
    expect(errors().mock.calls).toEqual([]);
    expect(run.mock.calls[0]![0].trainer).toEqual({ task: 'edges' });
    expect(await runTrainCli(['cyclegan', '--dataset', 'mnist', '--task', 'thick', '--out', join(scratch, 'models', 'cyclegan-mnist-thick'), '--no-progress'])).toBe(0);
    expect(run.mock.calls[1]![0].trainer).toEqual({ task: 'thick' });
    expect(await runTrainCli(['cyclegan', '--dataset', 'fashion-mnist', '--task', 'shoes', '--identity', '0.1', '--critic-layers', '3', ...runDir('cg')])).toBe(0);
    expect(run.mock.calls[2]![0].trainer).toEqual({ task: 'shoes', identity: 0.1, criticLayers: 3 });
  });

  const cases: [string, string[], RegExp][] = [
    ['an unknown pix2pix task', ['pix2pix', '--dataset', 'mnist', '--task', 'colorize'], /^genzoo-train: unknown --task 'colorize' for family 'pix2pix' \(expected one of edges, inpaint\)$/],
    ['an unknown cyclegan task', ['cyclegan', '--dataset', 'mnist', '--task', 'edges'], /unknown --task 'edges' for family 'cyclegan' \(expected one of shoes, thick\)/],
    ['a missing task', ['pix2pix', '--dataset', 'mnist'], /family 'pix2pix' needs --task \(one of edges, inpaint\)/],
    ['a task on the wrong dataset', ['cyclegan', '--dataset', 'mnist', '--task', 'shoes'], /cyclegan --task shoes trains on fashion-mnist, not mnist/],
    ['--task for another family', ['vae', '--dataset', 'mnist', '--task', 'edges'], /--task does not apply to family 'vae'/],
    ['a negative identity weight', ['cyclegan', '--dataset', 'mnist', '--task', 'thick', '--identity', '-1'], /--identity must be a number ≥ 0/],
    ['a PatchGAN of 4 strided layers', ['cyclegan', '--dataset', 'mnist', '--task', 'thick', '--critic-layers', '4'], /--critic-layers must be 2 or 3, got 4/],
    ['--identity for pix2pix', ['pix2pix', '--dataset', 'mnist', '--task', 'edges', '--identity', '0'], /--identity does not apply to family 'pix2pix'/],
    ['--n-critic for a translator', ['pix2pix', '--dataset', 'mnist', '--task', 'edges', '--n-critic', '2'], /--n-critic does not apply to family 'pix2pix'/],
  ];
  for (const [what, argv, message] of cases) {
    it(`rejects ${what} in one line, before training`, async () => {
      const run = vi.spyOn(training, 'runTraining');
      expect(await runTrainCli([...argv, ...runDir('bad')])).toBe(2);
      expect(run).not.toHaveBeenCalled();
      oneLine(message);
    });
  }
});
