import { beforeEach, describe, expect, it } from 'vitest';
import { tensor } from '../tensor.js';
import { exampleTranslatorManifest } from '../testing/example-manifest.js';
import { FakeRuntime, fakeModelSource } from '../testing/fake-runtime.js';
import { callCapability } from './capability-call.js';
import { Generator } from './generator.js';

const images = (n: number) => tensor(Float32Array.from({ length: n * 64 }, (_, index) => (index % 64) / 64), [n, 1, 8, 8]);

describe('Generator.translate', () => {
  let runtime: FakeRuntime;
  beforeEach(() => {
    runtime = new FakeRuntime();
  });

  it('runs a2b by default and b2a when asked, returning images in the graph format', async () => {
    const model = await Generator.load(await fakeModelSource(exampleTranslatorManifest()), runtime);
    expect(model.capabilities).toEqual(['translate']);
    const forward = await model.translate(images(2));
    expect(forward.images.dims).toEqual([2, 1, 8, 8]);
    expect(forward.images.data[5]).toBeCloseTo(-5 / 64);
    expect(forward.format).toEqual({ layout: 'NCHW', range: [-1, 1] });
    const back = await model.translate(images(1), { direction: 'b2a' });
    expect(back.images.data[5]).toBeCloseTo(5 / 128);
    expect(model.toRgba(back)[0]!.width).toBe(8);
  });

  it('chunks large batches like every other capability', async () => {
    const model = await Generator.load(await fakeModelSource(exampleTranslatorManifest()), runtime, { maxBatch: 3 });
    const result = await model.translate(images(7));
    expect(result.images.dims).toEqual([7, 1, 8, 8]);
    expect(runtime.runs).toBe(3);
  });

  it('names the missing direction of a one-way model, and the bad shape of an input', async () => {
    const manifest = exampleTranslatorManifest();
    delete manifest.graphs.b2a;
    const model = await Generator.load(await fakeModelSource(manifest), runtime);
    await expect(model.translate(images(1), { direction: 'b2a' })).rejects.toThrow(
      'model "tiny-translator" cannot translate b2a: it ships no graph for it (it can: translate a2b)',
    );
    await expect(model.translate(tensor(new Float32Array(49), [1, 1, 7, 7]))).rejects.toThrow('images for tiny-translator must have shape [N, 1, 8, 8], got [1, 1, 7, 7]');
    await expect(model.translate(images(1), { direction: 'up' as 'a2b' })).rejects.toThrow('direction must be "a2b" or "b2a", got "up"');
  });

  it('has no sampling capabilities, and says so', async () => {
    const model = await Generator.load(await fakeModelSource(exampleTranslatorManifest()), runtime);
    await expect(model.sample({ n: 1, seed: 0 })).rejects.toThrow('model "tiny-translator" cannot sample: it ships no graph for it (it can: translate)');
    expect((await model.execution()).runtime).toBe('fake-runtime');
  });

  it('is reachable through callCapability as plain data', async () => {
    const model = await Generator.load(await fakeModelSource(exampleTranslatorManifest()), runtime);
    const result = await callCapability(model, { capability: 'translate', images: { dims: [1, 1, 8, 8], data: Array(64).fill(0.5) }, direction: 'b2a' });
    expect(result.kind).toBe('images');
    expect(result.output.data[0]).toBeCloseTo(0.25);
  });
});
