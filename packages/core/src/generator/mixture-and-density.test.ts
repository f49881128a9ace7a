import { beforeEach, describe, expect, it } from 'vitest';
import { sampleComponents, sampleLatents } from '../random/samplers.js';
import { tensor } from '../tensor.js';
import { exampleManifest, exampleMixtureManifest } from '../testing/example-manifest.js';
import { FakeRuntime, fakeModelSource } from '../testing/fake-runtime.js';
import { Generator } from './generator.js';

describe('Generator on mixture models of points', () => {
  let runtime: FakeRuntime;
  beforeEach(() => {
    runtime = new FakeRuntime();
  });

  it('draws noise and components from the seed and feeds the components one-hot', async () => {
    const model = await Generator.load(await fakeModelSource(exampleMixtureManifest(), { generator: 'mixture' }), runtime);
    const result = await model.samplePoints({ n: 6, seed: 3 });
    const components = sampleComponents({ n: 6, seed: 3, components: 3, weights: [0.5, 0.3, 0.2] });
    expect(result.components).toEqual(components);
    expect(result.latents).toEqual(sampleLatents({ n: 6, size: 2, seed: 3 }));
    expect(result.points.dims).toEqual([6, 2]);
    result.points.data.forEach((value, index) => {
      const row = Math.floor(index / 2);
      expect(value).toBeCloseTo(10 * components[row]! + result.latents.data[index]!, 5);
    });
    expect(runtime.lastFeeds.component!.dims).toEqual([6, 3]);
  });

  it('evaluates log-densities through the density graph', async () => {
    const model = await Generator.load(await fakeModelSource(exampleMixtureManifest(), { generator: 'mixture' }), runtime);
    const { logDensity } = await model.logDensity(tensor(new Float32Array([1, 2, 0, 0]), [2, 2]));
    expect(Array.from(logDensity.data)).toEqual([-2.5, -0]);
    await expect(model.logDensity(tensor(new Float32Array(3), [1, 3]))).rejects.toThrow('samples for tiny-mixture must have shape [N, 2], got [1, 3]');
  });

  it('offers point sampling and density, not image capabilities', async () => {
    const model = await Generator.load(await fakeModelSource(exampleMixtureManifest(), { generator: 'mixture' }), runtime);
    expect(model.capabilities).toEqual(['samplePoints', 'logDensity']);
    await expect(model.sample({ n: 1, seed: 1 })).rejects.toThrow('model "tiny-mixture" cannot sample: it ships no graph for it (it can: samplePoints, logDensity)');
  });
});

describe('Generator on conditional encoders', () => {
  it('feeds one-hot labels to an encoder with a label input', async () => {
    const manifest = exampleManifest();
    manifest.graphs.encoder!.inputs.push({ name: 'label', role: 'label', dtype: 'float32', shape: ['batch', 10] });
    const runtime = new FakeRuntime();
    const model = await Generator.load(await fakeModelSource(manifest, {}), runtime);
    await model.encode(tensor(new Float32Array(128), [2, 1, 8, 8]), [7, 3]);
    expect(runtime.lastFeeds.label!.dims).toEqual([2, 10]);
    expect(runtime.lastFeeds.label!.data.indexOf(1)).toBe(7);
    expect(runtime.lastFeeds.label!.data.lastIndexOf(1)).toBe(13);
    await expect(model.encode(tensor(new Float32Array(64), [1, 1, 8, 8]), [1, 2])).rejects.toThrow('tiny-vae got 2 labels for 1 rows');
  });
});
