import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evalWrittenSections, evaluationSection, refreshModelCard } from './refresh-card.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-card-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('refreshModelCard', () => {
  it("finds the Evaluation section genzoo eval owns, markers included", () => {
    const section = '<!-- genzoo-eval:start -->\n## Evaluation\n| FID | 3 |\n<!-- genzoo-eval:end -->';
    expect(evaluationSection(`# Card\n\ntext\n\n${section}\n`)).toBe(`${section}\n`);
    expect(evaluationSection('# Card without one\n')).toBe('');
    expect(evaluationSection('<!-- genzoo-eval:end --> <!-- genzoo-eval:start -->')).toBe('');
  });

  it('keeps the truncation-curve section genzoo eval --truncation-curve writes, after the Evaluation', () => {
    const evaluation = '<!-- genzoo-eval:start -->\n## Evaluation\n<!-- genzoo-eval:end -->';
    const curve = '<!-- genzoo-truncation-curve:start -->\n## Fidelity/variety trade-off (truncation)\n<!-- genzoo-truncation-curve:end -->';
    expect(evalWrittenSections(`# Card\n\n${curve}\n\n${evaluation}\n`)).toBe(`${evaluation}\n\n${curve}\n`);
    expect(evalWrittenSections(`# Card\n\n${curve}\n`)).toBe(`${curve}\n`);
    expect(evalWrittenSections('# Card\n')).toBe('');
  });

  it('says in one line when the folder is not a model folder', () => {
    expect(() => refreshModelCard(scratch, scratch)).toThrow(`${scratch} has no manifest.json (is it a model folder?)`);
  });
});
