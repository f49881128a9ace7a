import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as training from '../trainers/training-run.js';
import { captureCliOutput, trainCliScratch } from './cli-test-support.js';
import { runTrainCli } from './run-train-cli.js';

const { scratch, cacheDir, images, out } = trainCliScratch('genzoo-cli-trainer-');
const { oneLine, errors } = captureCliOutput();



describe('genzoo-train trainer flags', () => {
  it('passes every flag through to the training config', async () => {
    const run = vi.spyOn(training, 'runTraining').mockResolvedValue(undefined);
    const code = await runTrainCli([
      'dcgan-mnist', '--dataset', 'mnist', '--loss', 'least-squares', '--n-critic', '5', '--gp', '10', '--clip', '0.01',
      '--label-smoothing', '0.1', '--instance-noise', '0.05', '--feature-matching', '0.5', '--ema', '0.99', '--spectral-norm',
      '--optimizer', 'adam', '--lr', '1e-4', '--beta1', '0', ...out('parse'),
    ]);
    expect(errors().mock.calls).toEqual([]);
    expect(code).toBe(0);
    const config = run.mock.calls[0]![0];
    expect(config.loss).toBe('least-squares');
    expect(config.trainer).toEqual({
      nCritic: 5, gradientPenalty: 10, weightClip: 0.01, labelSmoothing: 0.1, instanceNoise: 0.05, featureMatching: 0.5,
      emaDecay: 0.99, spectralNorm: true, optimizer: 'adam', learningRate: 1e-4, beta1: 0,
    });
  });

  it('--discriminator reaches the trainer options of a conditional GAN', async () => {
    const run = vi.spyOn(training, 'runTraining').mockResolvedValue(undefined);
    expect(await runTrainCli(['cgan', '--dataset', 'fashion-mnist', '--discriminator', 'projection', '--gp', '1', ...out('cgan')])).toBe(0);
    expect(errors().mock.calls).toEqual([]);
    expect(run.mock.calls[0]![0].trainer).toEqual({ discriminator: 'projection', gradientPenalty: 1 });
  });

  it('no trainer flags: no trainer options', async () => {
    const run = vi.spyOn(training, 'runTraining').mockResolvedValue(undefined);
    expect(await runTrainCli(['vae-mnist', '--dataset', 'mnist', '--lr', '0.002', ...out('vae')])).toBe(0);
    expect(run.mock.calls[0]![0].trainer).toEqual({ learningRate: 0.002 });
    expect(await runTrainCli(['vae-mnist', '--dataset', 'mnist', ...out('vae')])).toBe(0);
    expect(run.mock.calls[1]![0].trainer).toBeUndefined();
  });

  const cases: [string, string[], RegExp][] = [
    ['--gp for a VAE', ['vae-mnist', '--gp', '10'], /--gp does not apply to family 'vae-mnist' \(not an adversarial family\)/],
    ['--n-critic for the classifier', ['classifier', '--n-critic', '2'], /--n-critic does not apply to family 'classifier'/],
    ['--spectral-norm for a VAE', ['vae-mnist', '--spectral-norm'], /--spectral-norm does not apply to family 'vae-mnist'/],
    ['--ema for a VAE', ['vae-mnist', '--ema', '0.99'], /--ema does not apply to family 'vae-mnist'$/],
    ['--n-critic 0', ['dcgan-mnist', '--n-critic', '0'], /--n-critic must be an integer ≥ 1, got '0'/],
    ['--gp negative', ['dcgan-mnist', '--gp', '-1'], /--gp must be a number ≥ 0, got '-1'/],
    ['--clip 0', ['dcgan-mnist', '--clip', '0'], /--clip must be a positive number, got '0'/],
    ['--label-smoothing 1', ['dcgan-mnist', '--label-smoothing', '1'], /--label-smoothing must be in \[0, 1\), got '1'/],
    ['--instance-noise text', ['dcgan-mnist', '--instance-noise', 'lots'], /--instance-noise must be a number ≥ 0, got 'lots'/],
    ['--feature-matching 0', ['dcgan-mnist', '--feature-matching', '0'], /--feature-matching must be a positive number/],
    ['--ema 1', ['dcgan-mnist', '--ema', '1'], /--ema must be in \(0, 1\), got '1'/],
    ['--optimizer sgd', ['dcgan-mnist', '--optimizer', 'sgd'], /'sgd' is invalid.*adam, rmsprop/],
    ['--lr 0', ['dcgan-mnist', '--lr', '0'], /--lr must be a positive number, got '0'/],
    ['--beta1 with rmsprop', ['dcgan-mnist', '--optimizer', 'rmsprop', '--beta1', '0.5'], /--beta1 applies to --optimizer adam, not rmsprop/],
    ['label smoothing with a loss that has no labels', ['dcgan-mnist', '--loss', 'wasserstein', '--label-smoothing', '0.1'], /does not support label smoothing/],
    ['--discriminator of an unknown kind', ['cgan', '--discriminator', 'hinge'], /--discriminator must be one of concat, projection, got hinge$/],
    ['--discriminator for an unconditional GAN', ['dcgan-mnist', '--discriminator', 'projection'], /--discriminator does not apply to family 'dcgan-mnist'$/],
    ['--spectral-norm for cgan (an adversarial family without it)', ['cgan', '--spectral-norm'], /--spectral-norm does not apply to family 'cgan'$/],
  ];
  for (const [label, [family, ...flags], pattern] of cases) {
    it(`${label}: one-line error, exit 2, nothing trained`, async () => {
      const run = vi.spyOn(training, 'runTraining');
      expect(await runTrainCli([family!, '--dataset', 'mnist', ...flags, ...out('never')])).toBe(2);
      oneLine(pattern);
      expect(run).not.toHaveBeenCalled();
    });
  }

  it('trains with regularizers and rmsprop; a resumed run keeps them and refuses conflicting ones', async () => {
    const dir = join(scratch, 'resume');
    const base = ['dcgan-mnist', '--dataset', images, '--steps', '3', '--batch', '4', '--checkpoint-every', '1', ...out('resume')];
    const flags = ['--loss', 'wasserstein', '--n-critic', '2', '--gp', '1', '--clip', '0.5', '--instance-noise', '0.1', '--feature-matching', '0.5', '--spectral-norm', '--optimizer', 'rmsprop', '--lr', '1e-4'];
    expect(await runTrainCli([...base, ...flags], { cacheDir, stopAfterSteps: 1 })).toBe(0);
    expect(errors().mock.calls).toEqual([]);
    const conflicts: [string[], RegExp][] = [
      [['--n-critic', '3'], /trains with --n-critic 2, not 3/],
      [['--optimizer', 'adam'], /trains with --optimizer rmsprop, not adam/],
      [['--label-smoothing', '0.1'], /trains with --label-smoothing unset \(the family's default\), not 0.1/],
      [['--loss', 'hinge'], /trains with --loss wasserstein, not hinge/],
    ];
    for (const [conflict, pattern] of conflicts) {
      errors().mockClear();
      expect(await runTrainCli([...base, '--resume', ...conflict], { cacheDir })).toBe(2);
      oneLine(pattern);
    }
    errors().mockClear();
    expect(await runTrainCli([...base, '--resume', '--n-critic', '2', '--spectral-norm'], { cacheDir })).toBe(0);
    expect(errors().mock.calls).toEqual([]);
    const state = JSON.parse(readFileSync(join(dir, 'checkpoints', 'step-00000003', 'state.json'), 'utf8'));
    expect(state.extra.trainer).toEqual({
      loss: 'wasserstein', nCritic: 2, gradientPenalty: 1, weightClip: 0.5, instanceNoise: 0.1, featureMatching: 0.5,
      spectralNorm: true, optimizer: 'rmsprop', learningRate: 1e-4,
    });
  }, 60_000);
});
