import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { runTrainCli } from './run-train-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let errors: MockInstance;
let logs: MockInstance;
beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  logs = vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

function stderr(): string[] {
  return errors.mock.calls.map((call) => String(call[0]));
}

describe('genzoo-train flags', () => {
  const out = ['--run-dir', join(scratch, 'never')];
  const cases: [string, string[], RegExp][] = [
    ['unknown family', ['gan-cifar', '--dataset', 'mnist', ...out], /unknown model family 'gan-cifar'/],
    ['unknown dataset', ['dcgan-mnist', '--dataset', 'cifar10', ...out], /unknown dataset 'cifar10' \(expected one of mnist, fashion-mnist, or a folder of PNG\/JPEG images\)/],
    ['missing dataset', ['dcgan-mnist', ...out], /--dataset/],
    ['non-numeric steps', ['dcgan-mnist', '--dataset', 'mnist', '--steps', 'ten', ...out], /--steps must be an integer/],
    ['zero batch', ['dcgan-mnist', '--dataset', 'mnist', '--batch', '0', ...out], /--batch must be an integer ≥ 1/],
    ['steps and epochs together', ['dcgan-mnist', '--dataset', 'mnist', '--steps', '3', '--epochs', '1', ...out], /exactly one of steps or epochs/],
    ['unknown backend', ['dcgan-mnist', '--dataset', 'mnist', '--backend', 'cuda', ...out], /cuda/],
    ['unknown flag', ['dcgan-mnist', '--dataset', 'mnist', '--learning-rate', '1', ...out], /unknown option '--learning-rate'/],
    ['missing family', ['--dataset', 'mnist'], /missing required argument 'family'/],
  ];
  for (const [label, argv, pattern] of cases) {
    it(`${label}: one-line error, exit code 2, nothing trained`, async () => {
      const code = await runTrainCli(argv);
      expect(code).toBe(2);
      const lines = stderr();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^genzoo-train: /);
      expect(lines[0]).toMatch(pattern);
      expect(lines[0]).not.toContain('\n');
      expect(logs).not.toHaveBeenCalled();
    });
  }

  it('trains a couple of steps with good flags', async () => {
    const dir = join(scratch, 'ok');
    const code = await runTrainCli(['dcgan-mnist', '--dataset', 'mnist', '--steps', '2', '--batch', '4', '--run-dir', dir, '--sample-every', '0', '--backend', 'wasm', '--no-progress']);
    expect(stderr()).toEqual([]);
    expect(code).toBe(0);
    // Without --out the run only trains: state and final tfjs models, no model folder.
    expect(existsSync(join(dir, 'training.json'))).toBe(true);
    expect(existsSync(join(dir, 'generator', 'model.json'))).toBe(true);
    expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
  }, 60_000);

  it('--help says what --out, --id and --run-dir each hold', async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((text) => (written.push(String(text)), true));
    expect(await runTrainCli(['--help'])).toBe(0);
    const help = written.join('').replace(/\s+/g, ' ');
    expect(help).toMatch(/--out <dir> model folder to ship into when training completes: ONNX graphs, manifest.json, samples.png, README.md card/);
    expect(help).toMatch(/--id <id> model id in the manifest \(default: the basename of --out\)/);
    expect(help).toMatch(/--run-dir <dir> training state: checkpoints, .* \(default runs\/<id> with --out, else runs\/<family>\)/);
  });
});
