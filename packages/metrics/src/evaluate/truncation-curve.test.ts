import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseManifest, type Manifest, type TensorSpec } from '@genzoo/core';
import { exampleManifest } from '@genzoo/core/testing';
import { lengthDelimited as bytes, stringField as text, varintField as field } from '../compute/protobuf-bytes.js';
import { checkThresholds, evaluateTruncationCurve, measureTruncationCurve, TRUNCATION_CURVE_FILES } from './truncation-curve.js';
import { TRUNCATION_CURVE_TITLE, writeTruncationCurve } from './write-truncation-curve.js';

const REPO = new URL('../../../../', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'genzoo-truncation-curve-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const env = { GENZOO_MODELS: join(REPO, 'models'), GENZOO_CACHE_DIR: join(REPO, '.cache', 'datasets') };

const FIGURES = { fid: 1, precision: 0.5, recall: 0.25, density: 0.75, coverage: 0.125, kid: 9 };

describe('measureTruncationCurve', () => {
  it('measures each threshold in order, passing none as undefined, and keeps the curve figures', async () => {
    const asked: (number | undefined)[] = [];
    const points = await measureTruncationCurve([0.5, null, 2], async (truncation) => {
      asked.push(truncation);
      return { ...FIGURES, fid: truncation ?? 100 };
    });
    expect(asked).toEqual([0.5, undefined, 2]);
    expect(points).toEqual([
      { truncation: 0.5, fid: 0.5, precision: 0.5, recall: 0.25, density: 0.75, coverage: 0.125 },
      { truncation: null, fid: 100, precision: 0.5, recall: 0.25, density: 0.75, coverage: 0.125 },
      { truncation: 2, fid: 2, precision: 0.5, recall: 0.25, density: 0.75, coverage: 0.125 },
    ]);
  });

  it('rejects bad threshold lists and evaluations that miss a figure', async () => {
    expect(() => checkThresholds([])).toThrow('the truncation curve needs at least one threshold');
    expect(() => checkThresholds([0.5, -1])).toThrow('truncation thresholds must be positive numbers, got -1');
    expect(() => checkThresholds([1, null, 1])).toThrow('truncation thresholds repeat: 1, , 1');
    await expect(measureTruncationCurve([1], async () => ({ fid: 3 }))).rejects.toThrow('the evaluation at truncation 1 did not measure precision');
  });
});

/** An ONNX graph `image = reshape(tanh(z), [batch, 1, 28, 28])` for 784-d latents: truncation bounds every pixel by tanh(t). */
function tanhGenerator(): Uint8Array {
  const dims = (values: (number | 'batch')[]): number[] =>
    values.flatMap((value) => bytes(1, value === 'batch' ? text(2, 'batch') : field(1, value)));
  const valueInfo = (number: number, name: string, shape: (number | 'batch')[]): number[] =>
    bytes(number, [...text(1, name), ...bytes(2, bytes(1, [...field(1, 1), ...bytes(2, dims(shape))]))]);
  const node = (inputs: string[], output: string, op: string): number[] =>
    bytes(1, [...inputs.flatMap((input) => text(1, input)), ...text(2, output), ...text(3, op.toLowerCase()), ...text(4, op)]);
  // A 0 in Reshape's shape copies that input dimension: the batch.
  const shape = bytes(5, [...field(1, 4), ...field(2, 7), ...[0, 1, 28, 28].flatMap((value) => field(7, value)), ...text(8, 'shape')]);
  const graph = [
    ...node(['z'], 'pixels', 'Tanh'),
    ...node(['pixels', 'shape'], 'image', 'Reshape'),
    ...text(2, 'tanh-generator'),
    ...shape,
    ...valueInfo(11, 'z', ['batch', 784]),
    ...valueInfo(12, 'image', ['batch', 1, 28, 28]),
  ];
  return Uint8Array.from([...field(1, 8), ...text(2, 'genzoo-test'), ...bytes(7, graph), ...bytes(8, [...text(1, ''), ...field(2, 17)])]);
}

function tanhModelFolder(id: string): string {
  const folder = join(scratch, id);
  mkdirSync(folder, { recursive: true });
  const model = tanhGenerator();
  writeFileSync(join(folder, 'generator.onnx'), model);
  const image: TensorSpec = { name: 'image', role: 'image', dtype: 'float32', shape: ['batch', 1, 28, 28], layout: 'NCHW', range: [-1, 1] };
  const base = exampleManifest();
  const manifest: Manifest = {
    ...base,
    id,
    name: id,
    family: 'test-gan',
    latent: { size: 784, distribution: 'normal' },
    image: { width: 28, height: 28, channels: 1 },
    graphs: {
      generator: {
        file: 'generator.onnx', sha256: createHash('sha256').update(model).digest('hex'), bytes: model.length, opset: 17,
        inputs: [{ name: 'z', role: 'latent', dtype: 'float32', shape: ['batch', 784] }], outputs: [image],
      },
    },
    metrics: {},
  };
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify(parseManifest(manifest, 'test manifest'), null, 2));
  writeFileSync(join(folder, 'README.md'), `# ${id}\n\nA test generator.\n`);
  return folder;
}

describe('evaluateTruncationCurve, end to end on a tanh(z) generator against MNIST', () => {
  it('measures each threshold from the same seed, and writes the curve, its plot, the manifest figure and a card section', async () => {
    const folder = tanhModelFolder('tanh-noise');
    const { curve } = await evaluateTruncationCurve(folder, { device: 'cpu', threads: 1, cwd: scratch, env, n: 200, thresholds: [0.04, null] });
    expect(curve).toMatchObject({ model: 'tanh-noise', n: 200, seed: 0, extractor: 'classifier-mnist' });
    const [narrow, full] = curve.points;
    expect(narrow!.truncation).toBe(0.04);
    expect(full!.truncation).toBeNull();
    // At 0.04 every image is a flat grey within ±0.04 of mid-grey; untruncated ones are salt-and-pepper noise: different features.
    expect(narrow!.fid).not.toBeCloseTo(full!.fid, 0);
    for (const point of curve.points) for (const name of ['precision', 'recall'] as const) expect(point[name]).toBeGreaterThanOrEqual(0);

    const written = await writeTruncationCurve(folder, curve);
    expect(written.map((path) => path.slice(folder.length + 1))).toEqual([TRUNCATION_CURVE_FILES.data, TRUNCATION_CURVE_FILES.plot, 'manifest.json', 'README.md']);
    expect(JSON.parse(readFileSync(join(folder, TRUNCATION_CURVE_FILES.data), 'utf8')).points).toHaveLength(2);
    expect(existsSync(join(folder, TRUNCATION_CURVE_FILES.plot))).toBe(true);
    const manifest = parseManifest(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')), 'manifest.json');
    expect(manifest.files.figures).toEqual({ [TRUNCATION_CURVE_TITLE]: TRUNCATION_CURVE_FILES.plot });
    // A second run replaces the card section instead of adding one.
    await writeTruncationCurve(folder, curve);
    const card = readFileSync(join(folder, 'README.md'), 'utf8');
    expect(card.match(/## Fidelity\/variety trade-off/g)).toHaveLength(1);
    expect(card).toContain('| truncation | fid | precision | recall | density | coverage |');
    expect(card).toContain('| 0.04 |');
    expect(card.indexOf('| 0.04 |')).toBeLessThan(card.indexOf('| none |'));
    expect(card).toContain('# tanh-noise');
  }, 120_000);
});
