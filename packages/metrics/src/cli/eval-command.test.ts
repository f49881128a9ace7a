import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './eval-command.js';
import type { CliIo } from '@genzoo/node';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-eval-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function evalCli(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: scratch, env: { GENZOO_MODELS: scratch, ...env } };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

function expectOneLine(text: string, message: string): void {
  expect(text.endsWith('\n')).toBe(true);
  expect(text.trimEnd()).not.toContain('\n');
  expect(text).toContain(message);
}

describe('genzoo eval flags', () => {
  it.each<[string, string[], string]>([
    ['no model', [], "required option '-m, --model <id|folder>' not specified"],
    ['a tiny n', ['-m', 'x', '-n', '5'], "option '-n, --n <count>' argument '5' is invalid. must be an integer from 20 to 1000000"],
    ['a negative seed', ['-m', 'x', '--seed', '-1'], "--seed"],
    ['a bad device', ['-m', 'x', '--device', 'tpu'], 'must be one of auto, cpu, cuda'],
    ['an unknown flag', ['-m', 'x', '--fast'], "unknown option '--fast'"],
  ])('%s: exit code 2 and one line', async (_label, argv, message) => {
    const { code, stderr, stdout } = await evalCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expectOneLine(stderr, `genzoo eval: `);
    expect(stderr).toContain(message);
  });

  it('names the models it knows when the id is unknown', async () => {
    const { code, stderr } = await evalCli(['-m', 'no-such-model']);
    expect(code).toBe(1);
    expectOneLine(stderr, 'genzoo eval: unknown model "no-such-model"');
  });

  it('says when a model has nothing to check yet', async () => {
    const folder = join(scratch, 'tiny-vae');
    cpSync(new URL('../../../../tests/fixtures/tiny-vae', import.meta.url), folder, { recursive: true });
    const { code, stderr } = await evalCli(['-m', folder, '--check']);
    expect(code).toBe(2);
    expectOneLine(stderr, 'genzoo eval: tiny-vae has no recorded evaluation to check; run genzoo eval --model');
  });

  it('says when no feature extractor exists for a model\'s dataset', async () => {
    const { code, stderr } = await evalCli(['-m', join(scratch, 'tiny-vae')]);
    expect(code).toBe(1);
    expectOneLine(stderr, 'genzoo eval: no feature extractor for dataset "none" (known: mnist, fashion-mnist)');
  });
});
