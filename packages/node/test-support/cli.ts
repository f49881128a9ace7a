import { expect } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { main, type MainOptions } from '../src/cli/main.js';

/** What one in-process `genzoo` run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process in `cwd`, capturing its output. */
export async function runGenzoo(argv: string[], cwd: string, env: Record<string, string> = {}, options: MainOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd, env };
  const code = await main(argv, io, options);
  return { code, stdout, stderr };
}

/** A failed run that printed exactly one `genzoo: …` line (no stack) containing or matching `message`, and nothing on stdout. */
export function expectOneLineError(run: CliRun, message: string | RegExp): void {
  expect(run.code, run.stderr).not.toBe(0);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^genzoo: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  if (typeof message === 'string') expect(run.stderr).toContain(message);
  else expect(run.stderr).toMatch(message);
}
