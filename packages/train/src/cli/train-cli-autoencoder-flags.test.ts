import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as training from '../trainers/training-run.js';
import { captureCliOutput } from './cli-test-support.js';
import { runTrainCli } from './run-train-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-cli-autoencoder-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const { oneLine, errors } = captureCliOutput();
const runDir = (name: string): string[] => ['--run-dir', join(scratch, name), '--backend', 'wasm', '--no-progress', '--sample-every', '0'];

describe('genzoo-train --beta, --latent, --likelihood', () => {
  it('passes them through to the trainer options', async () => {
    const run = vi.spyOn(training, 'runTraining').mockResolvedValue(undefined);
    const code = await runTrainCli(['vae', '--dataset', 'fashion-mnist', '--beta', '0.25', '--latent', '2', '--likelihood', 'gaussian', ...runDir('vae')]);
    expect(errors().mock.calls).toEqual([]);
    expect(code).toBe(0);
    expect(run.mock.calls[0]![0].trainer).toEqual({ beta: 0.25, latent: 2, likelihood: 'gaussian' });
    expect(await runTrainCli(['autoencoder', '--dataset', 'mnist', '--latent', '8', '--likelihood', 'bernoulli', ...runDir('ae')])).toBe(0);
    expect(run.mock.calls[1]![0].trainer).toEqual({ latent: 8, likelihood: 'bernoulli' });
  });

  const cases: [string, string[], RegExp][] = [
    ['--beta for an autoencoder', ['autoencoder', '--beta', '2'], /--beta does not apply to family 'autoencoder'/],
    ['--latent for a GAN', ['dcgan-mnist', '--latent', '8'], /--latent does not apply to family 'dcgan-mnist'/],
    ['an unknown likelihood', ['vae', '--likelihood', 'poisson'], /--likelihood.*poisson/],
    ['a zero β', ['vae', '--beta', '0'], /--beta must be a positive number, got '0'/],
    ['a fractional latent size', ['vae', '--latent', '2.5'], /--latent must be an integer ≥ 1, got '2.5'/],
  ];
  for (const [what, argv, message] of cases) {
    it(`rejects ${what} in one line, before training`, async () => {
      const run = vi.spyOn(training, 'runTraining');
      const [family, ...flags] = argv;
      expect(await runTrainCli([family!, '--dataset', 'mnist', ...flags, ...runDir('bad')])).toBe(2);
      expect(run).not.toHaveBeenCalled();
      oneLine(message);
    });
  }
});
