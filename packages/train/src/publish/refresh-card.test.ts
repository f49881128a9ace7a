import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Manifest } from '@genzoo/core';
import { exampleManifest } from '@genzoo/core/testing';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from '../paths.js';
import { evalWrittenSections, evaluationSection, refreshModelCard, withProfileText } from './refresh-card.js';
import { trainingSummaryFromManifest } from './run-summary.js';

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

  it('rebuilds a run from a manifest whose training record has one, and says in one line when it has not', () => {
    const manifest = exampleManifest();
    const training = {
      trainingFamily: 'gan-mlp', steps: 30, batchSize: 8, seed: 2, wallClockSeconds: 12, msPerStep: 400, backend: 'backend: wasm (SIMD on)', trainer: { loss: 'minimax' },
      weightAverage: { decay: 0.995, ramp: true }, finalLosses: { d: 1 },
    };
    const summary = trainingSummaryFromManifest({ ...manifest, training, metrics: { exportMaxAbsError: 1e-6, fid: 3 } });
    expect(summary).toMatchObject({
      family: 'gan-mlp', steps: 30, config: { steps: 30, batchSize: 8, seed: 2 }, backend: { name: 'wasm' }, trainer: { loss: 'minimax' }, weightAverage: { decay: 0.995, ramp: true }, metrics: { fid: 3 },
    });
    expect(summary.metrics).toEqual({ fid: 3 });
    const evaluated = { ...manifest, training, metrics: { heldOutElboNats: -100, fid: 3 }, evaluation: { figures: ['fid'] } as unknown as Manifest['evaluation'] };
    expect(trainingSummaryFromManifest(evaluated).metrics).toEqual({ heldOutElboNats: -100 });
    expect(() => trainingSummaryFromManifest({ ...manifest, training: {} })).toThrow(/^manifest of .* has no training record to rebuild its run from; pass --run$/);
  });

  it("brings a manifest's name, description and objective in line with its profile, and changes nothing else", () => {
    const json = { id: 'x', name: 'old', description: 'old', training: { steps: 3, objective: 'old' }, metrics: { fid: 1 } };
    expect(withProfileText(json, { name: 'N', description: 'D', objective: 'O' })).toEqual({ id: 'x', name: 'N', description: 'D', training: { steps: 3, objective: 'O' }, metrics: { fid: 1 } });
  });

  it('rewrites a stale objective in a shipped model\'s manifest when it re-renders the card', () => {
    const modelDir = join(scratch, 'fgan-dcgan-js-mnist');
    cpSync(join(findRepoRoot(), 'models', 'fgan-dcgan-js-mnist'), modelDir, { recursive: true });
    const shipped = readFileSync(join(modelDir, 'manifest.json'), 'utf8');
    const stale = JSON.parse(shipped) as { training: Record<string, unknown> };
    writeFileSync(join(modelDir, 'manifest.json'), JSON.stringify({ ...stale, training: { ...stale.training, objective: 'stale' } }, null, 2));
    refreshModelCard(modelDir);
    expect(readFileSync(join(modelDir, 'manifest.json'), 'utf8')).toBe(shipped);
    expect(readFileSync(join(modelDir, 'README.md'), 'utf8')).toContain('f-GAN');
  });
});
