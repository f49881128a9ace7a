import { describe, expect, it, vi } from 'vitest';
import { Generator, type RuntimeAdapter } from '@genzoo/core';
import { FIXTURE } from '../test-support/fixture.js';
import { FolderSource } from './folder-source.js';
import { loadModel } from './load-model.js';
import { OrtAdapter } from './ort-adapter.js';
import { encodePng } from './png.js';

/** An adapter that counts the sessions it creates. */
function countingAdapter(options = {}): { adapter: RuntimeAdapter; created: () => number } {
  const adapter = new OrtAdapter({ threads: 1, ...options });
  const spy = vi.spyOn(adapter, 'createSession');
  return { adapter, created: () => spy.mock.calls.length };
}

describe('OrtAdapter.providersFor', () => {
  const adapter = new OrtAdapter({ threads: 1 });

  it('tries cuda then cpu for cuda, only cpu for cpu', () => {
    expect(adapter.providersFor('cuda')).toEqual(['cuda', 'cpu']);
    expect(adapter.providersFor('cpu')).toEqual(['cpu']);
    expect(adapter.providersFor('auto').at(-1)).toBe('cpu');
  });

  it('explains that webgpu and wasm are browser devices', () => {
    expect(() => adapter.providersFor('webgpu')).toThrow('device "webgpu" is a browser device (use @genzoo/web); in Node use auto, cpu or cuda');
    expect(() => adapter.providersFor('wasm')).toThrow('browser device');
  });

  it('rejects unknown devices by name', () => {
    expect(() => adapter.providersFor('tpu' as never)).toThrow('device must be one of auto, cpu, cuda, webgpu, wasm, got "tpu"');
  });
});

describe('OrtAdapter threads', () => {
  it('takes threads from the option, else GENZOO_THREADS', () => {
    expect(new OrtAdapter({ threads: 3 }, { GENZOO_THREADS: '5' }).threads).toBe(3);
    expect(new OrtAdapter({}, { GENZOO_THREADS: '5' }).threads).toBe(5);
    expect(new OrtAdapter({}, {}).threads).toBeUndefined();
  });

  it('rejects bad thread counts with one line naming the source', () => {
    expect(() => new OrtAdapter({}, { GENZOO_THREADS: 'many' })).toThrow('GENZOO_THREADS must be an integer from 1 to 1024, got "many"');
    expect(() => new OrtAdapter({ threads: 0 })).toThrow('threads must be an integer from 1 to 1024, got 0');
    expect(() => new OrtAdapter({ threads: 1.5 })).toThrow('threads must be an integer');
  });
});

describe('the tiny-vae fixture in onnxruntime-node', () => {
  it('samples on cpu', async () => {
    const model = await loadModel(FIXTURE, { device: 'cpu', threads: 1 });
    const result = await model.sample({ n: 5, seed: 7 });
    expect(result.images.dims).toEqual([5, 1, 8, 8]);
    expect(result.images.data.every((value) => value >= -1 && value <= 1)).toBe(true);
    expect(new Set(result.images.data).size).toBeGreaterThan(100);
    expect(result.execution).toEqual({ runtime: 'onnxruntime-node', requested: 'cpu', provider: 'cpu', fallbacks: [] });
    const images = model.toRgba(result);
    expect(images).toHaveLength(5);
    expect(images[0]).toMatchObject({ width: 8, height: 8 });
    await model.dispose();
  });

  it('falls back from cuda to cpu and says why', async () => {
    const model = await loadModel(FIXTURE, { device: 'cuda', threads: 1 });
    const execution = await model.execution();
    expect(execution.requested).toBe('cuda');
    if (execution.provider === 'cpu') {
      // No CUDA libraries here: the reason is one line that says how to get them.
      expect(execution.fallbacks).toEqual([{ provider: 'cuda', reason: expect.stringMatching(/^CUDA provider libraries are not installed: .*ONNXRUNTIME_NODE_INSTALL=cuda12/) }]);
    } else {
      expect(execution).toMatchObject({ provider: 'cuda', fallbacks: [] });
    }
    expect((await model.sample({ n: 2, seed: 1 })).images.dims).toEqual([2, 1, 8, 8]);
    await model.dispose();
  });

  it('gives identical bytes for the same seed, and different ones for another seed', async () => {
    const model = await loadModel(FIXTURE, { device: 'cpu', threads: 1 });
    const first = await model.sample({ n: 6, seed: 42 });
    const second = await model.sample({ n: 6, seed: 42 });
    const other = await model.sample({ n: 6, seed: 43 });
    expect(Buffer.from(second.images.data.buffer).equals(Buffer.from(first.images.data.buffer))).toBe(true);
    expect(Buffer.from(other.images.data.buffer).equals(Buffer.from(first.images.data.buffer))).toBe(false);
    const [pngA, pngB] = await Promise.all([encodePng(model.toRgba(first)[0]!), encodePng(model.toRgba(second)[0]!)]);
    expect(pngA.equals(pngB)).toBe(true);
    await model.dispose();
  });

  it('opens each graph once and serves concurrent calls from the same sessions', async () => {
    const { adapter, created } = countingAdapter();
    const model = await Generator.load(new FolderSource(FIXTURE), adapter, { device: 'cpu' });
    const seeds = [0, 1, 2, 3, 4, 5, 6, 7];
    const sequential = [];
    for (const seed of seeds) sequential.push(await model.sample({ n: 3, seed }));
    const concurrent = await Promise.all(seeds.map((seed) => model.sample({ n: 3, seed })));
    expect(concurrent.map((result) => result.images)).toEqual(sequential.map((result) => result.images));
    await Promise.all([model.encode(sequential[0]!.images), model.encode(sequential[1]!.images), model.reconstruct(sequential[2]!.images)]);
    expect(created()).toBe(2); // generator + encoder, each once
    await model.dispose();
  });

  it('splits requests larger than maxBatch into chunks that equal one big batch', async () => {
    const chunked = await loadModel(FIXTURE, { device: 'cpu', threads: 1, maxBatch: 3 });
    const whole = await loadModel(FIXTURE, { device: 'cpu', threads: 1 });
    const a = await chunked.sample({ n: 10, seed: 5 });
    const b = await whole.sample({ n: 10, seed: 5 });
    expect(a.images.dims).toEqual([10, 1, 8, 8]);
    expect(a.latents).toEqual(b.latents);
    expect(a.images).toEqual(b.images);
    await Promise.all([chunked.dispose(), whole.dispose()]);
  });

  it('encodes and reconstructs with the two-output encoder', async () => {
    const model = await loadModel(FIXTURE, { device: 'cpu', threads: 1 });
    const { images } = await model.sample({ n: 4, seed: 2 });
    const encoding = await model.encode(images);
    expect(encoding.mean.dims).toEqual([4, 8]);
    expect(encoding.logvar.dims).toEqual([4, 8]);
    expect(encoding.mean.data).not.toEqual(encoding.logvar.data);
    expect((await model.reconstruct(images, { seed: 3 })).images.dims).toEqual([4, 1, 8, 8]);
    await model.dispose();
  });

  it('names the graph inputs when feeds do not match them', async () => {
    const adapter = new OrtAdapter({ threads: 1 });
    const source = new FolderSource(FIXTURE);
    const session = await adapter.createSession(await source.readBytes('generator.onnx'), 'cpu');
    await expect(session.run({ latent: { dims: [1, 8], data: new Float32Array(8) } })).rejects.toThrow(
      'graph inputs are [z] but got [latent]: the manifest does not match the .onnx file',
    );
    await session.release();
  });
});
