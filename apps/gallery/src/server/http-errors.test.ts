import { describe, expect, it } from 'vitest';
import { describeSchemaIssue } from './http-errors.js';

describe('describeSchemaIssue', () => {
  const issue = (instancePath: string, keyword: string, params: Record<string, unknown>, message?: string) => ({ instancePath, keyword, params, message });

  it('names the field and the rule', () => {
    expect(describeSchemaIssue(issue('/n', 'maximum', { limit: 256 }, 'must be <= 256'), 'query')).toBe('n must be <= 256');
    expect(describeSchemaIssue(issue('/seed', 'type', { type: 'integer' }, 'must be integer'), 'query')).toBe('seed must be an integer');
  });

  it('lists allowed values and unknown parameters', () => {
    expect(describeSchemaIssue(issue('/id', 'enum', { allowedValues: ['a', 'b'] }), 'params')).toBe('id must be one of "a", "b"');
    expect(describeSchemaIssue(issue('', 'additionalProperties', { additionalProperty: 'sed' }), 'query')).toBe('unknown query parameter "sed"');
  });
});
