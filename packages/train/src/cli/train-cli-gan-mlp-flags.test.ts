import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadCheckpoint } from '../checkpoint/checkpoint.js';
import * as training from '../trainers/training-run.js';
import { captureCliOutput, trainCliScratch } from './cli-test-support.js';
import { runTrainCli } from './run-train-cli.js';

const { scratch, cacheDir, images, out } = trainCliScratch('genzoo-cli-gan-mlp-');
const { oneLine, errors } = captureCliOutput();


describe('genzoo-train --minibatch-discrimination', () => {
  it('passes through to the gan-mlp training config', async () => {
    const run = vi.spyOn(training, 'runTraining').mockResolvedValue(undefined);
    expect(await runTrainCli(['gan-mlp', '--dataset', 'mnist', '--minibatch-discrimination', '--loss', 'minimax', ...out('parse')])).toBe(0);
    expect(errors().mock.calls).toEqual([]);
    expect(run.mock.calls[0]![0].trainer).toEqual({ minibatchDiscrimination: true });
    expect(run.mock.calls[0]![0].loss).toBe('minimax');
  });

  for (const family of ['dcgan-mnist', 'vae-mnist']) {
    it(`does not apply to ${family}: one-line error, exit 2, nothing trained`, async () => {
      const run = vi.spyOn(training, 'runTraining');
      expect(await runTrainCli([family, '--dataset', 'mnist', '--minibatch-discrimination', ...out('never')])).toBe(2);
      oneLine(new RegExp(`--minibatch-discrimination does not apply to family '${family}'`));
      expect(run).not.toHaveBeenCalled();
    });
  }

  it('a resumed run restores the minibatch layer from its checkpoint and keeps the flag; a run without it refuses it', async () => {
    const base = (name: string): string[] => ['gan-mlp', '--dataset', images, '--steps', '2', '--batch', '4', '--checkpoint-every', '1', ...out(name)];
    expect(await runTrainCli([...base('mbd'), '--minibatch-discrimination'], { cacheDir, stopAfterSteps: 1 })).toBe(0);
    expect(await runTrainCli([...base('mbd'), '--resume'], { cacheDir })).toBe(0);
    expect(errors().mock.calls).toEqual([]);
    const checkpoint = await loadCheckpoint(join(scratch, 'mbd', 'checkpoints', 'step-00000002'));
    expect(checkpoint.state.extra?.['trainer']).toEqual({ minibatchDiscrimination: true });
    expect(checkpoint.models['discriminator']!.layers.map((layer) => layer.name)).toContain('d_minibatch');
    const losses = readFileSync(join(scratch, 'mbd', 'losses.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { step: number; losses: Record<string, number> });
    expect(losses.map((point) => point.step)).toEqual([1, 2]);
    expect(Object.keys(losses[1]!.losses)).toEqual(['d', 'g', 'dFake', 'gGrad']);

    expect(await runTrainCli(base('plain'), { cacheDir, stopAfterSteps: 1 })).toBe(0);
    errors().mockClear();
    expect(await runTrainCli([...base('plain'), '--resume', '--minibatch-discrimination'], { cacheDir })).toBe(2);
    oneLine(/trains without --minibatch-discrimination, not with it/);
  }, 90_000);
});
