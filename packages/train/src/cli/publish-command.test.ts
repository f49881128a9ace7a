import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from './index.js';

describe('genzoo train publish', () => {
  const errors: string[] = [];
  afterEach(() => {
    errors.length = 0;
    vi.restoreAllMocks();
  });
  function captureErrors(): void {
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  }

  it('rejects missing options with one line and exit code 2', async () => {
    captureErrors();
    expect(await run(['publish', 'runs/x', '-o', 'models/x'])).toBe(2);
    expect(errors).toEqual(["genzoo train publish: required option '--id <id>' not specified"]);
  });

  it('rejects an id the manifest would reject with one line and exit code 2', async () => {
    captureErrors();
    expect(await run(['publish', '/nonexistent/run', '--id', 'Tiny_GAN', '-o', '/nonexistent/models/x'])).toBe(2);
    expect(errors).toEqual([expect.stringMatching(/^genzoo train publish: model id 'Tiny_GAN' must be 1–63 lowercase letters, digits and dashes/)]);
  });

  it('reports a run that has not finished with one line and exit code 1', async () => {
    captureErrors();
    expect(await run(['publish', '/nonexistent/run', '--id', 'x', '-o', '/nonexistent/models/x'])).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^genzoo train publish: cannot read \/nonexistent\/run\/training.json: .* \(has the run finished\?\)$/);
  });

  it('sends anything else to the trainer', async () => {
    captureErrors();
    expect(await run(['no-such-family', '--dataset', 'mnist'])).toBe(2);
    expect(errors[0]).toContain("unknown model family 'no-such-family'");
  });
});
