import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseManifest, type GraphSpec, type Manifest, type TensorSpec } from '@genzoo/core';
import { exampleTranslatorManifest } from '@genzoo/core/testing';
import { run } from '../cli/eval-command.js';
import { loadReferenceDataset, referenceSplit } from '../data/reference-dataset.js';
import { maskSquares, subsetImages } from '../data/translation-pairs.js';
import { evaluateModel } from './evaluate-model.js';
import { TRANSLATION_GRID } from './evaluate-translator.js';
import { writeEvaluation } from './write-results.js';
import { lengthDelimited, stringField, varintField } from '../compute/protobuf-bytes.js';

/**
 * End to end on real MNIST / Fashion-MNIST held-out images and the shipped classifiers, with translators
 * whose answers are known: ONNX graphs written by hand (identity, and a 3×3 max pool — exactly the
 * dilation that makes thick digits).
 */
const REPO = new URL('../../../../', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'genzoo-eval-translator-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const env = { GENZOO_MODELS: join(REPO, 'models'), GENZOO_CACHE_DIR: join(REPO, '.cache', 'datasets') };
const common = { device: 'cpu' as const, cwd: scratch, env, threads: 1 };

const field = varintField;
const bytes = lengthDelimited;
const text = stringField;
const ints = (name: string, values: number[]): number[] => bytes(5, [...text(1, name), ...field(20, 7), ...values.flatMap((v) => field(8, v))]);

/** `translated = op(source)` on [batch, 1, 28, 28] floats; `MaxPool` is a 3×3 max filter, stride 1, padded by 1. */
function onnxGraph(op: 'Identity' | 'MaxPool'): Uint8Array {
  const attributes = op === 'MaxPool' ? [...ints('kernel_shape', [3, 3]), ...ints('pads', [1, 1, 1, 1]), ...ints('strides', [1, 1])] : [];
  const node = bytes(1, [...text(1, 'source'), ...text(2, 'translated'), ...text(3, 'op'), ...text(4, op), ...attributes]);
  const dims = [bytes(1, text(2, 'batch')), ...[1, 28, 28].map((d) => bytes(1, field(1, d)))].flat();
  const valueInfo = (number: number, name: string) => bytes(number, [...text(1, name), ...bytes(2, bytes(1, [...field(1, 1), ...bytes(2, dims)]))]);
  const graph = [...node, ...text(2, 'tiny-translator'), ...valueInfo(11, 'source'), ...valueInfo(12, 'translated')];
  return Uint8Array.from([...field(1, 8), ...text(2, 'genzoo-test'), ...bytes(7, graph), ...bytes(8, [...text(1, ''), ...field(2, 17)])]);
}

const imageSpec = (name: string): TensorSpec => ({ name, role: 'image', dtype: 'float32', shape: ['batch', 1, 28, 28], layout: 'NCHW', range: [-1, 1] });

/** Writes a translator folder: `graphs` maps a2b (and b2a) to the op it runs. */
function translatorFolder(id: string, options: { dataset: string; graphs: Partial<Record<'a2b' | 'b2a', 'Identity' | 'MaxPool'>>; translation?: Record<string, unknown> }): string {
  const folder = join(scratch, id);
  mkdirSync(folder, { recursive: true });
  const graphs: Partial<Record<'a2b' | 'b2a', GraphSpec>> = {};
  for (const [role, op] of Object.entries(options.graphs) as ['a2b' | 'b2a', 'Identity' | 'MaxPool'][]) {
    const model = onnxGraph(op);
    writeFileSync(join(folder, `${role}.onnx`), model);
    graphs[role] = { file: `${role}.onnx`, sha256: createHash('sha256').update(model).digest('hex'), bytes: model.length, opset: 17, inputs: [imageSpec('source')], outputs: [imageSpec('translated')] };
  }
  const base = exampleTranslatorManifest();
  const manifest: Manifest = {
    ...base,
    id,
    name: id,
    family: options.graphs.b2a ? 'cyclegan' : 'pix2pix',
    dataset: { name: options.dataset, trainSize: 8000, heldOutSize: 2000, splitSeed: 20240601 },
    image: { width: 28, height: 28, channels: 1 },
    translation: { a: { name: 'sources', description: 'sources' }, b: { name: 'targets', description: 'targets' } },
    graphs,
    training: { seed: 3, ...(options.translation ? { translation: options.translation } : {}) },
    metrics: { heldOutL1: 0.25 },
  };
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify(parseManifest(manifest, 'test manifest'), null, 2));
  writeFileSync(join(folder, 'README.md'), `# ${id}\n\nA test translator.\n`);
  return folder;
}

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (chunk) => (stdout += chunk), stderr: (chunk) => (stderr += chunk), cwd: scratch, env });
  return { code, stdout, stderr };
}

describe('translator evaluation, end to end', () => {
  it('pix2pix inpainting by an identity graph: the L1 is the masked-out ink; writes manifest, grid and card; --check reproduces', async () => {
    const folder = translatorFolder('identity-inpaint', {
      dataset: 'mnist',
      graphs: { a2b: 'Identity' },
      translation: { task: 'inpaint', source: 'masked-square', maskSize: 10, maskJitter: 4, maskSeed: 3 },
    });
    const outcome = await evaluateModel(folder, { ...common, n: 300 });
    // What the identity "translator" misses is exactly the ink under each image's mask.
    const mnist = loadReferenceDataset('mnist', env.GENZOO_CACHE_DIR);
    const held = referenceSplit(mnist, 2000, 20240601).heldOut.subarray(0, 300);
    const targets = subsetImages(mnist, held);
    const sources = maskSquares(targets, held, 3, 10, 4);
    let ink = 0;
    targets.pixels.forEach((value, i) => (ink += value - sources.pixels[i]!));
    expect(outcome.figures.l1A2b).toBeCloseTo(ink / (255 * 300 * 784), 10);
    const names = ['l1A2b', 'ssimA2b', 'psnrA2b', 'fidA2b', 'kidA2b', 'kidStdA2b', 'classAccuracyA2b'];
    expect(Object.keys(outcome.figures)).toEqual([...names, ...names.map((name) => `untranslated.${name}`)]);
    // The identity "translator" scores exactly what the untranslated sources score.
    for (const name of names) expect(outcome.figures[name]).toBeCloseTo(outcome.figures[`untranslated.${name}`]!, 10);
    expect(outcome.figures.ssimA2b).toBeGreaterThan(0.3);
    expect(outcome.figures.ssimA2b).toBeLessThan(1);
    expect(outcome.figures.classAccuracyA2b).toBeGreaterThan(0.2); // masked digits still classify, somewhat
    expect(outcome.protocol).toMatchObject({ n: 300, reference: { dataset: 'mnist', split: 'held-out', size: 300 }, extractor: { id: 'classifier-mnist' } });
    expect(outcome.protocol.settings).toMatchObject({ maskSize: 10, maskJitter: 4, maskSeed: 3, ssimWindow: 11, ssimSigma: 1.5, samplesA2b: 300, kidSubsetSizeA2b: 150 });

    const written = await writeEvaluation(outcome);
    expect(written.map((path) => path.slice(folder.length + 1))).toEqual(['manifest.json', TRANSLATION_GRID, 'README.md']);
    const manifest = parseManifest(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')), 'manifest.json');
    expect(manifest.metrics.heldOutL1).toBe(0.25); // training's own figure is kept
    // The grid is a figure of the model, so the gallery shows it; a second evaluation replaces, not adds, its entry.
    expect(Object.values(manifest.files.figures ?? {})).toEqual([TRANSLATION_GRID]);
    expect(manifest.evaluation?.figures).toEqual(Object.keys(outcome.figures));
    expect(manifest.metrics.ssimA2b).toBe(Number(outcome.figures.ssimA2b!.toPrecision(6)));
    const card = readFileSync(join(folder, 'README.md'), 'utf8');
    expect(card).toContain('| figure | this model | sources left untranslated |');
    expect(card).toContain('| SSIM of a2b to the target ↑ |');
    expect(card).toContain(`](${TRANSLATION_GRID})`);
    expect(card).toContain('a 10×10 square masked within ±4 px of the centre (mask seed 3)');
    expect(existsSync(join(folder, TRANSLATION_GRID))).toBe(true);

    const check = await cli(['-m', folder, '--check', '--device', 'cpu']);
    expect(check.stdout).toContain('all recorded figures reproduce');
    expect(check.code).toBe(0);
  }, 120_000);

  it('CycleGAN digits ↔ thick digits with an exact dilation: a2b matches its counterparts pixel for pixel and keeps the class', async () => {
    const all = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const folder = translatorFolder('dilate-thick', {
      dataset: 'mnist',
      graphs: { a2b: 'MaxPool', b2a: 'Identity' },
      translation: { task: 'thick', domainA: { classes: all, half: 0 }, domainB: { classes: all, half: 1, transform: 'dilation-3x3' }, domainSplitSeed: 20261121 },
    });
    const { code, stdout, stderr } = await cli(['-m', folder, '-n', '400', '--device', 'cpu']);
    expect(stderr).not.toMatch(/^genzoo eval/m);
    expect(code).toBe(0);
    expect(stdout).toContain('dilate-thick: 400 held-out images, sources ↔ targets');
    const { metrics, evaluation } = parseManifest(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')), 'manifest.json');
    expect(evaluation!.settings).toMatchObject({ samplesA2b: 200, samplesB2a: 200, domainSplitSeed: 20261121 });
    expect(metrics.l1A2b).toBe(0);
    expect(metrics.ssimA2b).toBe(1);
    expect(metrics.psnrA2b).toBe(100);
    expect(metrics.classAccuracyA2b).toBeGreaterThan(0.8);
    expect(metrics.classAccuracyB2a).toBeGreaterThan(0.8); // identity b2a: thick digits are still their digits
    // Dilated thin digits look like real thick ones; untouched thick digits do not look thin.
    expect(metrics.fidA2b).toBeLessThan(metrics.fidB2a! / 3);
    expect(metrics.l1B2a).toBeGreaterThan(0.05);
    // Baselines: untranslated thin digits are as far from their thick counterparts as the identity b2a's outputs are from theirs.
    expect(metrics['untranslated.l1A2b']).toBeCloseTo(metrics.l1B2a!, 1);
    expect(metrics['untranslated.fidA2b']).toBeGreaterThan(metrics.fidA2b!);
    expect(metrics['untranslated.fidB2a']).toBeCloseTo(metrics.fidB2a!, 6); // b2a is the identity
    expect(metrics['untranslated.cycleL1A']).toBeUndefined();
    // Cycle a: the identity b2a leaves the dilation in place; cycle b: dilating thick digits thickens them further.
    expect(metrics.cycleL1A).toBeCloseTo(metrics.l1B2a!, 1);
    expect(metrics.cycleL1B).toBeGreaterThan(0.01);
    expect(metrics.kidStdA2b).toBeGreaterThan(0); // subsets of half the 200 images per side, so they differ
    expect(evaluation!.settings.kidSubsetSizeA2b).toBe(100);
  }, 120_000);

  it('CycleGAN sneakers ↔ ankle boots with identity graphs: sneakers stay sneakers (low a2b accuracy), cycles are exact', async () => {
    const folder = translatorFolder('identity-shoes', {
      dataset: 'fashion-mnist',
      graphs: { a2b: 'Identity', b2a: 'Identity' },
      translation: { task: 'shoes', domainA: { classes: [7] }, domainB: { classes: [9] } },
    });
    const outcome = await evaluateModel(folder, common);
    expect(outcome.protocol.n).toBe(2000);
    expect(outcome.protocol.extractor.id).toBe('classifier-fashion');
    expect(outcome.protocol.settings.samplesA2b).toBeGreaterThan(150);
    expect(outcome.figures.classAccuracyA2b).toBeLessThan(0.05);
    expect(outcome.figures.classAccuracyB2a).toBeLessThan(0.05);
    expect(outcome.figures.cycleL1A).toBe(0);
    expect(outcome.figures.cycleL1B).toBe(0);
    expect(outcome.figures.l1A2b).toBeUndefined(); // no counterparts between classes
    expect(outcome.figures.fidA2b).toBeGreaterThan(10);
    expect(outcome.figures['untranslated.fidA2b']).toBe(outcome.figures.fidA2b);
    expect(outcome.figures['untranslated.classAccuracyB2a']).toBe(outcome.figures.classAccuracyB2a);
  }, 120_000);

  it('says in one line why a translator cannot be evaluated', async () => {
    const unknown = translatorFolder('cifar-translator', { dataset: 'cifar', graphs: { a2b: 'Identity' }, translation: { source: 'sobel-edges' } });
    const first = await cli(['-m', unknown]);
    expect(first.code).toBe(1);
    expect(first.stderr).toBe('genzoo eval: no feature extractor for dataset "cifar" (known: mnist, fashion-mnist)\n');

    const silent = translatorFolder('silent-translator', { dataset: 'mnist', graphs: { a2b: 'Identity' } });
    const second = await cli(['-m', silent]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^genzoo eval: silent-translator: its manifest does not record how its sources images are made .*\n$/);
    expect(second.stderr.trimEnd()).not.toContain('\n');

    const tooMany = translatorFolder('edges-translator', { dataset: 'mnist', graphs: { a2b: 'Identity' }, translation: { source: 'sobel-edges' } });
    const third = await cli(['-m', tooMany, '-n', '5000']);
    expect(third.code).toBe(1);
    expect(third.stderr).toBe('genzoo eval: edges-translator is evaluated on its 2000 held-out images: n must be from 2 to 2000 (default: all)\n');
  }, 60_000);
});
