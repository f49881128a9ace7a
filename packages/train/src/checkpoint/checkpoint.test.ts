import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { runTraining, type TrainingConfig } from '../trainers/training-run.js';
import { checkpointsDir, findLatestCheckpoint, loadCheckpoint, verifyCheckpoint } from './checkpoint.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-ckpt-'));
const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
beforeAll(async () => {
  await selectBackend('wasm');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function config(outDir: string, overrides: Partial<TrainingConfig> = {}): TrainingConfig {
  return {
    family: 'dcgan-mnist', dataset: 'mnist', steps: 4, batchSize: 8, seed: 5, outDir,
    backend: 'wasm', sampleEvery: 0, checkpointEvery: 2, log: () => {}, ...overrides,
  };
}

function weightsBin(dir: string): Buffer {
  return readFileSync(join(dir, 'generator', 'weights.bin'));
}

describe('checkpoints', () => {
  const straight = join(scratch, 'straight');
  const interrupted = join(scratch, 'interrupted');

  it('an interrupted run resumed from its checkpoint ends with the same weights as an uninterrupted one', async () => {
    await runTraining(config(straight));
    expect(await runTraining(config(interrupted, { stopAfterSteps: 3 }))).toBeUndefined();
    const latest = findLatestCheckpoint(interrupted);
    expect(latest?.endsWith('step-00000002')).toBe(true);
    const summary = await runTraining(config(interrupted, { resume: true }));
    expect(summary?.resumedFrom).toBe(2);
    const a = new Float32Array(new Uint8Array(weightsBin(interrupted)).buffer);
    const b = new Float32Array(new Uint8Array(weightsBin(straight)).buffer);
    expect(a.length).toBe(b.length);
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
    // Adam restores its bias-correction terms as beta^(t+1) instead of t repeated products: last-ulp differences only.
    expect(worst).toBeLessThan(1e-5);
  }, 60_000);

  it('ignores temp folders and incomplete checkpoints, skips corrupt ones, and restores step and RNG', async () => {
    const run = join(scratch, 'damaged');
    await runTraining(config(run, { stopAfterSteps: 2 }));
    const root = checkpointsDir(run);
    const good = join(root, 'step-00000002');
    // A writer killed before the rename, one killed before meta.json, and one with a corrupted file.
    cpSync(good, join(root, '.tmp-step-00000009-12345'), { recursive: true });
    cpSync(good, join(root, 'step-00000006'), { recursive: true });
    rmSync(join(root, 'step-00000006', 'meta.json'));
    cpSync(good, join(root, 'step-00000004'), { recursive: true });
    const state = join(root, 'step-00000004', 'state.json');
    writeFileSync(state, readFileSync(state, 'utf8').replace('"step": 2', '"step": 4'));

    const skipped: string[] = [];
    expect(findLatestCheckpoint(run, (reason) => skipped.push(reason))).toBe(good);
    expect(skipped).toHaveLength(2);
    expect(skipped[0]).toMatch(/step-00000006: incomplete/);
    expect(skipped[1]).toMatch(/state\.json: checksum mismatch/);
    expect(verifyCheckpoint(good)).toBeUndefined();

    const loaded = await loadCheckpoint(good);
    expect(loaded.state.step).toBe(2);
    expect(loaded.state.rng.s).toHaveLength(4);
    expect(Object.keys(loaded.models).sort()).toEqual(['discriminator', 'generator', 'generatorEma']);
    const saved = readFileSync(join(good, 'generator', 'weights.bin'));
    const restored = Buffer.concat(loaded.models.generator!.getWeights().map((w) => Buffer.from(w.dataSync().buffer)));
    expect(restored.equals(saved)).toBe(true);
  }, 60_000);

  it('refuses to overwrite an existing run without --resume', async () => {
    await expect(runTraining(config(interrupted))).rejects.toThrow(/already has checkpoints; pass --resume/);
  });

  it('survives SIGKILL at an arbitrary moment and resumes from the last complete checkpoint', async () => {
    const run = join(scratch, 'killed');
    mkdirSync(run, { recursive: true });
    const child = spawn(process.execPath, [
      '--import', 'tsx', join(packageRoot, 'src', 'cli', 'bin.ts'), 'dcgan-mnist', '--dataset', 'mnist',
      '--steps', '500', '--batch', '8', '--run-dir', run, '--checkpoint-every', '1', '--sample-every', '0', '--backend', 'wasm', '--no-progress',
    ], { cwd: packageRoot, stdio: 'ignore' });
    const root = checkpointsDir(run);
    const deadline = Date.now() + 40_000;
    while (Date.now() < deadline) {
      const done = existsSync(root) ? readdirSync(root).filter((e) => e.startsWith('step-')).length : 0;
      if (done >= 2) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // Land the kill somewhere inside the next checkpoint write or step.
    await new Promise((r) => setTimeout(r, 37));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const latest = findLatestCheckpoint(run);
    expect(latest).toBeDefined();
    const step = (await loadCheckpoint(latest!)).state.step;
    expect(step).toBeGreaterThanOrEqual(1);
    const summary = await runTraining(config(run, { steps: step + 1, resume: true, checkpointEvery: 0 }));
    expect(summary?.resumedFrom).toBe(step);
    expect(existsSync(join(run, 'generator', 'model.json'))).toBe(true);
  }, 60_000);
});

describe('run lock', () => {
  it('refuses a second trainer on the same folder while the first is alive', async () => {
    const { acquireRunLock } = await import('./run-lock.js');
    const dir = join(scratch, 'locked');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.lock'), String(process.ppid));
    await expect(runTraining(config(dir))).rejects.toThrow(/in use by another genzoo-train \(pid \d+\)/);
    writeFileSync(join(dir, '.lock'), '999999999');
    const release = acquireRunLock(dir);
    expect(readFileSync(join(dir, '.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, '.lock'))).toBe(false);
  });
});
