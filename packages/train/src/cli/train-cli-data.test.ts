import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModelManifest } from '@genzoo/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { captureCliOutput, trainCliScratch } from './cli-test-support.js';
import { runTrainCli } from './run-train-cli.js';

const { scratch, cacheDir, images, out } = trainCliScratch('genzoo-cli-data-', 'my images', [32, 40]);
const { oneLine, errors } = captureCliOutput();

describe('genzoo-train: --loss, --dataset <folder>, and bad data found before training', () => {
  
  it('unknown loss: exit 2, one line listing the losses', async () => {
    expect(await runTrainCli(['dcgan-mnist', '--dataset', 'mnist', '--loss', 'wgan', ...out('a')])).toBe(2);
    oneLine(/unknown loss 'wgan' \(expected one of non-saturating, minimax, wasserstein, hinge/);
  });

  it('--loss for a family that is not adversarial: exit 2', async () => {
    expect(await runTrainCli(['vae-mnist', '--dataset', 'mnist', '--loss', 'hinge', ...out('b')])).toBe(2);
    oneLine(/family 'vae-mnist' is not adversarial/);
  });

  it('batch larger than the training split: exit 2 before the backend starts', async () => {
    expect(await runTrainCli(['dcgan-mnist', '--dataset', images, '--batch', '64', ...out('c')], { cacheDir })).toBe(2);
    oneLine(/batch size 64 is larger than the 11 training images of/);
    expect(existsSync(join(scratch, 'c', 'checkpoints'))).toBe(false);
  });

  it('image folder with an unreadable file: exit 2, naming the file', async () => {
    const bad = join(scratch, 'bad');
    mkdirSync(bad);
    await sharp(Buffer.alloc(16), { raw: { width: 4, height: 4, channels: 1 } }).png().toFile(join(bad, 'fine.png'));
    writeFileSync(join(bad, 'truncated.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    expect(await runTrainCli(['dcgan-mnist', '--dataset', bad, '--batch', '1', ...out('d')], { cacheDir })).toBe(2);
    oneLine(/cannot read .*truncated\.jpg/);
  });

  it('a path that is neither a dataset nor a folder: exit 2', async () => {
    expect(await runTrainCli(['dcgan-mnist', '--dataset', join(scratch, 'nowhere'), ...out('e')])).toBe(2);
    oneLine(/unknown dataset '.*nowhere' \(expected one of mnist, fashion-mnist, or a folder of PNG\/JPEG images\)/);
  });

  it('trains on a folder with --loss hinge and writes the loss curve', async () => {
    const dir = join(scratch, 'folder-run');
    const code = await runTrainCli(['dcgan-mnist', '--dataset', images, '--loss', 'hinge', '--steps', '2', '--batch', '4', ...out('folder-run')], { cacheDir });
    expect(errors().mock.calls).toEqual([]);
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'loss-curve.png'))).toBe(true);
    const lines = readFileSync(join(dir, 'losses.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.step)).toEqual([1, 2]);
    const summary = JSON.parse(readFileSync(join(dir, 'training.json'), 'utf8'));
    expect(summary.config.evalCount).toBe(1);
  }, 60_000);

  it('--out ships a model trained on a folder, its dataset named after the folder', async () => {
    const modelDir = join(scratch, 'models', 'my-gan');
    expect(await runTrainCli(['dcgan-mnist', '--dataset', images, '--steps', '2', '--batch', '4', ...out('my-gan-run'), '--out', modelDir], { cacheDir })).toBe(0);
    expect(errors().mock.calls).toEqual([]);
    const manifest = parseModelManifest(JSON.parse(readFileSync(join(modelDir, 'manifest.json'), 'utf8')));
    expect(manifest.dataset).toMatchObject({ name: 'my-images', trainSize: 11, heldOutSize: 1 });
  }, 60_000);

  it('a resumed run keeps its --loss, and refuses a different one', async () => {
    const dir = join(scratch, 'resume-run');
    const base = ['dcgan-mnist', '--dataset', images, '--steps', '3', '--batch', '4', '--checkpoint-every', '1', ...out('resume-run')];
    expect(await runTrainCli([...base, '--loss', 'least-squares'], { cacheDir, stopAfterSteps: 1 })).toBe(0);
    expect(await runTrainCli([...base, '--resume', '--loss', 'hinge'], { cacheDir })).toBe(2);
    oneLine(/trains with --loss least-squares, not hinge/);
    errors().mockClear();
    expect(await runTrainCli([...base, '--resume'], { cacheDir })).toBe(0);
    const state = JSON.parse(readFileSync(join(dir, 'checkpoints', 'step-00000003', 'state.json'), 'utf8'));
    expect(state.extra.loss).toBe('least-squares');
    expect(readFileSync(join(dir, 'losses.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line).step)).toEqual([1, 2, 3]);
  }, 60_000);
});
