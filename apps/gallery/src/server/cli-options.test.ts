import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, HelpRequested, parseCliOptions } from './cli-options.js';

describe('parseCliOptions', () => {
  it('defaults to 127.0.0.1 and the default port', () => {
    expect(parseCliOptions([], {})).toEqual({ host: '127.0.0.1', port: DEFAULT_PORT });
  });

  it('takes PORT, and --port over PORT, in both flag spellings', () => {
    expect(parseCliOptions([], { PORT: '8080' }).port).toBe(8080);
    expect(parseCliOptions(['--port', '0'], { PORT: '8080' }).port).toBe(0);
    expect(parseCliOptions(['--port=9000'], {}).port).toBe(9000);
  });

  it('rejects bad values and unknown flags in one line', () => {
    expect(() => parseCliOptions(['--port', 'abc'], {})).toThrow('--port must be a port number from 0 to 65535, got "abc"');
    expect(() => parseCliOptions(['--port'], {})).toThrow('--port needs a value');
    expect(() => parseCliOptions([], { PORT: '70000' })).toThrow('PORT must be a port number');
    expect(() => parseCliOptions(['--verbose'], {})).toThrow('unknown option "--verbose"');
    expect(() => parseCliOptions(['--help'], {})).toThrow(HelpRequested);
  });
});
