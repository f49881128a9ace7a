import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateModel } from '@genzoo/metrics';
import { loadModel } from '@genzoo/node';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCliOutput } from '../cli/cli-test-support.js';
import { run } from '../cli/index.js';

const scratch = mkdtempSync(join(tmpdir(), 'genzoo-gan-2d-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const output = captureCliOutput();

describe('genzoo train gan-2d | veegan-2d', () => {
  it('trains a packed GAN for a few steps and ships a points model that @genzoo/node samples', async () => {
    const out = join(scratch, 'pacgan2-ring');
    expect(await run(['gan-2d', '--dataset', 'ring', '--steps', '3', '--batch-size', '8', '--pack', '2', '--unrolled', '1', '--generator-batch-norm', '--backend', 'wasm', '--out', out])).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.points).toEqual({ dims: 2 });
    expect(manifest.graphs.generator.inputs[0]).toMatchObject({ name: 'z', role: 'latent', shape: ['batch', 2] });
    expect(manifest.graphs.generator.outputs[0]).toMatchObject({ name: 'point', role: 'point', shape: ['batch', 2] });
    expect(Object.keys(manifest.metrics).sort()).toEqual(['highQuality', 'modesCaptured', 'reverseKl']);
    expect(existsSync(join(out, 'samples.png')) && existsSync(join(out, 'README.md'))).toBe(true);
    expect(Object.values(manifest.files.figures)).toEqual(['training-snapshots.png']);
    expect(existsSync(join(out, 'training-snapshots.png'))).toBe(true);
    expect(manifest.training).toMatchObject({ trainingFamily: 'gan-2d', pack: 2, steps: 3, backend: expect.stringMatching(/^backend: wasm/) });
    const card = readFileSync(join(out, 'README.md'), 'utf8');
    for (const section of ['## Over training', '## Objective', '## Architecture', '## Training', '## Known weaknesses']) expect(card).toContain(section);
    expect(card).toContain('PacGAN2 (Lin et al. 2018)');
    expect(card).toContain('Unrolled GAN (Metz et al. 2017)');
    expect(card).toContain('`genzoo train gan-2d --dataset ring --seed 1 --steps 3 --batch-size 8 --pack 2 --unrolled 1 --unroll-lr 0.01 --generator-batch-norm --out models/pacgan2-ring`');
    const model = await loadModel(out, { device: 'cpu' });
    const { points } = await model.samplePoints({ n: 5, seed: 1 });
    expect(points.dims).toEqual([5, 2]);
    await model.dispose();

    // Named after the protocol's set, so `genzoo eval` scores it on the ring of σ 0.01; a GAN has no density to score.
    expect(manifest.dataset.name).toBe('ring-8');
    const outcome = await evaluateModel(out, { device: 'cpu', cwd: scratch, env: {} });
    expect(Object.keys(outcome.figures).sort()).toEqual(['highQuality', 'modesCaptured', 'reverseKl']);
    expect(outcome.protocol.settings.modeStd).toBe(0.01);
    expect(outcome.protocol.extractor.file).toBe('generator.onnx');
  }, 120_000);

  it('spectrally normalizes every D layer, or with `--spectral-norm hidden` all but the output one, and says so on the card', async () => {
    for (const [layers, sentence] of [[[], 'Every weight matrix of D spectrally normalized'], [['hidden'], 'its output layer free']] as const) {
      const out = join(scratch, `hinge-sn-${layers.length}`);
      expect(await run(['gan-2d', '--dataset', 'ring', '--steps', '2', '--batch-size', '8', '--loss', 'hinge', '--spectral-norm', ...layers, '--backend', 'wasm', '--out', out])).toBe(0);
      const card = readFileSync(join(out, 'README.md'), 'utf8');
      expect(card).toContain(sentence);
      expect(card).toContain(`--loss hinge --steps 2 --batch-size 8 ${['--spectral-norm', ...layers].join(' ')} --out`);
    }
  }, 120_000);

  it('trains VEEGAN for a few steps, and its card describes the reconstructor', async () => {
    expect(await run(['veegan-2d', '--dataset', 'grid', '--steps', '2', '--batch-size', '8', '--backend', 'wasm', '--out', join(scratch, 'veegan-grid')])).toBe(0);
    const card = readFileSync(join(scratch, 'veegan-grid', 'README.md'), 'utf8');
    expect(card).toContain('VEEGAN (Srivastava et al. 2017)');
    expect(card).toContain('on the grid {−4, −2, 0, 2, 4}², σ = 0.05');
  }, 120_000);

  it("trains the authors' VEEGAN (Gaussian F, many-dimensional z), and its card and reproduce line say so", async () => {
    const flags = ['--latent', '16', '--batch-size', '8', '--steps', '2', '--generator-hidden', '8,8', '--discriminator-hidden', '8', '--reconstructor-noise', '1'];
    expect(await run(['veegan-2d', '--dataset', 'ring', ...flags, '--backend', 'wasm', '--out', join(scratch, 'veegan-noisy')])).toBe(0);
    const card = readFileSync(join(scratch, 'veegan-noisy', 'README.md'), 'utf8');
    expect(card).toContain('(F(x) + 1ε, x), ε standard normal');
    expect(card).toContain('F (training only): x → dense 8 → 8, LeakyReLU 0.2 → z.');
    expect(card).toContain('--steps 2 --batch-size 8 --latent 16 --generator-hidden 8,8 --discriminator-hidden 8 --reconstructor-noise 1 --out models/veegan-noisy');
  }, 120_000);

  it.each([
    [['gan-2d', '--dataset', 'spiral', '--out', 'x'], /--dataset/],
    [['gan-2d', '--dataset', 'ring', '--loss', 'wgan', '--out', 'x'], /^genzoo train gan-2d: unknown loss 'wgan'/],
    [['gan-2d', '--dataset', 'ring', '--pack', '0', '--out', 'x'], /--pack must be an integer ≥ 1, got '0'/],
    [['veegan-2d', '--dataset', 'ring', '--gp', '1', '--out', 'x'], /veegan-2d trains with its own objective/],
    [['gan-2d', '--dataset', 'ring', '--spectral-norm', 'output', '--out', 'x'], /--spectral-norm.*'output' is invalid/],
    [['veegan-2d', '--dataset', 'ring', '--pack', '2', '--out', 'x'], /veegan-2d takes no --pack/],
  ])('refuses bad flags %j in one line', async (argv, pattern) => {
    expect(await run(argv)).toBe(2);
    expect(output.errors().mock.calls).toHaveLength(1);
    expect(String(output.errors().mock.calls[0]![0])).toMatch(pattern);
  });
});
