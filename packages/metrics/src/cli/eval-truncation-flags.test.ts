import { describe, expect, it } from 'vitest';
import { run } from './eval-command.js';

const REPO = new URL('../../../../', import.meta.url).pathname;

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (chunk) => (stdout += chunk), stderr: (chunk) => (stderr += chunk), cwd: REPO, env: {} });
  return { code, stdout, stderr };
}

describe('genzoo eval truncation flags', () => {
  it.each([
    ['0', 'must be a number of at least 0.04'],
    ['0.01', 'must be a number of at least 0.04'],
    ['-1', 'must be a number of at least 0.04'],
    ['abc', 'must be a number of at least 0.04'],
  ])('--truncation %s is a one-line usage error', async (value, message) => {
    const { code, stdout, stderr } = await cli(['-m', 'some-model', '--truncation', value]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toMatch(/^genzoo eval: [^\n]*--truncation[^\n]*\n$/);
  });

  it('refuses two modes at once', async () => {
    const both = await cli(['-m', 'some-model', '--check', '--truncation', '1']);
    expect(both).toMatchObject({ code: 2, stdout: '', stderr: 'genzoo eval: --check and --truncation do not go together\n' });
    const curve = await cli(['-m', 'some-model', '--truncation-curve', '--truncation', '0.5']);
    expect(curve.stderr).toBe('genzoo eval: --truncation and --truncation-curve do not go together\n');
  });

  it('refuses truncation for a model that draws no latents (a classifier)', async () => {
    const { code, stderr } = await cli(['-m', 'classifier-mnist', '--truncation', '1']);
    expect(code).toBe(1);
    expect(stderr).toBe('genzoo eval: classifier-mnist does not sample images from a latent, so truncation does not apply\n');
  });
});
