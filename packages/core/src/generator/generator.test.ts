import { beforeEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../manifest/schema.js';
import { sampleLatents } from '../random/samplers.js';
import { sha256Hex } from '../runtime/model-source.js';
import { tensor } from '../tensor.js';
import { exampleManifest } from '../testing/example-manifest.js';
import { FakeRuntime, MemorySource } from '../testing/fake-runtime.js';
import { Generator } from './generator.js';

async function fakeModel(change?: (manifest: Manifest) => void): Promise<MemorySource> {
  const generator = new TextEncoder().encode('generator graph');
  const encoder = new TextEncoder().encode('encoder graph');
  const manifest = exampleManifest();
  manifest.graphs.generator = { ...manifest.graphs.generator!, sha256: await sha256Hex(generator), bytes: generator.length };
  manifest.graphs.encoder = { ...manifest.graphs.encoder!, sha256: await sha256Hex(encoder), bytes: encoder.length };
  change?.(manifest);
  return new MemorySource(
    new Map<string, Uint8Array | string>([
      ['manifest.json', JSON.stringify(manifest)],
      ['generator.onnx', generator],
      ['encoder.onnx', encoder],
    ]),
  );
}

describe('Generator', () => {
  let runtime: FakeRuntime;
  beforeEach(() => {
    runtime = new FakeRuntime();
  });

  it('samples the latents of the seed and decodes them', async () => {
    const model = await Generator.load(await fakeModel(), runtime);
    const result = await model.sample({ n: 3, seed: 9 });
    expect(result.latents.data).toEqual(sampleLatents({ n: 3, size: 8, seed: 9 }).data);
    expect(result.images.dims).toEqual([3, 1, 8, 8]);
    expect(result.images.data.subarray(0, 8)).toEqual(result.latents.data.subarray(0, 8));
    expect(result.execution).toEqual({ runtime: 'fake-runtime', requested: 'auto', provider: 'fast', fallbacks: [] });
    expect(model.toRgba(result)).toHaveLength(3);
  });

  it('falls back to the next provider and says why', async () => {
    runtime.broken.add('fast');
    const model = await Generator.load(await fakeModel(), runtime);
    expect(await model.execution()).toMatchObject({ provider: 'slow', fallbacks: [{ provider: 'fast', reason: 'fast library not found' }] });
  });

  it('reports every provider failure when none works', async () => {
    runtime.broken.add('fast').add('slow');
    await expect(Generator.load(await fakeModel(), runtime)).rejects.toThrow(
      'no execution provider of fake-runtime could load the model (fast: fast library not found; slow: slow library not found)',
    );
  });

  it('splits large requests into chunks with the same result as one batch', async () => {
    const chunked = await Generator.load(await fakeModel(), runtime, { maxBatch: 4 });
    const whole = await Generator.load(await fakeModel(), new FakeRuntime());
    const a = await chunked.sample({ n: 10, seed: 1 });
    const b = await whole.sample({ n: 10, seed: 1 });
    expect(a.images).toEqual(b.images);
    expect(runtime.runs).toBe(3);
  });

  it('opens each session once, also under concurrent calls', async () => {
    const model = await Generator.load(await fakeModel(), runtime);
    await Promise.all([model.sample({ n: 1, seed: 1 }), model.encode(tensor(new Float32Array(64), [1, 1, 8, 8])), model.encode(tensor(new Float32Array(64), [1, 1, 8, 8]))]);
    expect(runtime.sessionsCreated).toBe(2);
  });

  it('reconstructs through the posterior mean, or a seeded posterior draw', async () => {
    const model = await Generator.load(await fakeModel(), runtime);
    const images = (await model.sample({ n: 2, seed: 4 })).images;
    const exact = await model.reconstruct(images);
    expect(exact.images).toEqual(images);
    const drawn = await model.reconstruct(images, { seed: 5 });
    expect(drawn.latents.data).not.toEqual(exact.latents.data);
    expect((await model.reconstruct(images, { seed: 5 })).latents).toEqual(drawn.latents);
  });

  it('interpolates between the first latents of two seeds', async () => {
    const model = await Generator.load(await fakeModel(), runtime);
    const path = await model.interpolate({ from: 1, to: 2, steps: 4, method: 'lerp' });
    expect(path.latents.dims).toEqual([4, 8]);
    expect(path.latents.data.subarray(0, 8)).toEqual(sampleLatents({ n: 1, size: 8, seed: 1 }).data);
    expect(path.latents.data.subarray(24, 32)).toEqual(sampleLatents({ n: 1, size: 8, seed: 2 }).data);
  });

  it('names the capability and model when a graph is missing', async () => {
    const model = await Generator.load(await fakeModel((manifest) => delete manifest.graphs.encoder), runtime);
    expect(model.capabilities).toEqual(['sample', 'decode', 'interpolate']);
    await expect(model.encode(tensor(new Float32Array(64), [1, 1, 8, 8]))).rejects.toThrow(
      'model "tiny-vae" cannot encode: it ships no graph for it (it can: sample, decode, interpolate)',
    );
  });

  it('rejects wrong shapes and counts with one-line messages', async () => {
    const model = await Generator.load(await fakeModel(), runtime);
    await expect(model.decode(tensor(new Float32Array(9), [1, 9]))).rejects.toThrow('latents for tiny-vae must have shape [N, 8], got [1, 9]');
    await expect(model.encode(tensor(new Float32Array(64), [1, 8, 8, 1]))).rejects.toThrow('must have shape [N, 1, 8, 8]');
    await expect(model.sample({ n: 0, seed: 1 })).rejects.toThrow('n must be an integer from 1 to 4096, got 0');
    await expect(model.sample({ n: 5000, seed: 1 })).rejects.toThrow('n must be an integer from 1 to 4096');
  });

  it('refuses graphs whose bytes do not match the manifest', async () => {
    const source = await fakeModel();
    source.files.set('generator.onnx', new TextEncoder().encode('generator grapH'));
    await expect(Generator.load(source, runtime)).rejects.toThrow(/generator.onnx has sha256 [0-9a-f]{64}, the manifest says/);
    source.files.set('generator.onnx', new TextEncoder().encode('short'));
    await expect(Generator.load(source, runtime)).rejects.toThrow('memory://model/generator.onnx has 5 bytes, the manifest says 15');
  });

  it('rejects an invalid manifest naming the field', async () => {
    const source = await fakeModel((manifest) => ((manifest.latent as { size: unknown }).size = 'eight'));
    await expect(Generator.load(source, runtime)).rejects.toThrow(/invalid memory:\/\/model\/manifest.json: manifest.latent.size/);
  });
});
