import { afterEach, describe, expect, it } from 'vitest';
import { Generator, rgbaImagesToTensor, sampleLatents, tensorToRgbaImages } from '@genzoo/core';
import { FakeRuntime, exampleManifest, exampleTranslatorManifest, fakeModelSource } from '@genzoo/core/testing';
import type { DownloadProgress } from '../model-cache.js';
import type { MessagePortLike } from './protocol.js';
import { serveModels } from './serve-models.js';
import { loadModelInWorker } from './worker-generator.js';

/** A page port and a worker port joined by a MessageChannel: what `new Worker(…)` and the worker's `self` give. */
function channel(): { page: MessagePortLike; worker: MessagePortLike; close(): void } {
  const { port1, port2 } = new MessageChannel();
  port1.start();
  port2.start();
  return { page: port1 as unknown as MessagePortLike, worker: port2 as unknown as MessagePortLike, close: () => (port1.close(), port2.close()) };
}

async function fakeLoader(url: string, options: { onProgress?: (progress: DownloadProgress) => void }): Promise<Generator> {
  if (url.endsWith('/missing/')) throw new Error('GET /missing/manifest.json failed: HTTP 404\n    at fetch (internal)');
  options.onProgress?.({ file: 'generator.onnx', url, loaded: 15, total: 15, fromCache: false });
  return Generator.load(await fakeModelSource(exampleManifest()), new FakeRuntime());
}

describe('generators in a worker', () => {
  let close = () => undefined as void;
  afterEach(() => close());

  it('loads a model, reports progress, and runs the Generator API there', async () => {
    const ports = channel();
    close = ports.close;
    serveModels(ports.worker, fakeLoader);
    const progress: DownloadProgress[] = [];
    const model = await loadModelInWorker(ports.page, 'http://127.0.0.1:1/models/tiny/', { device: 'wasm', onProgress: (event) => progress.push(event) });
    expect(model.id).toBe('tiny-vae');
    expect(model.capabilities).toContain('reconstruct');
    expect(progress).toEqual([expect.objectContaining({ file: 'generator.onnx', loaded: 15 })]);
    expect((await model.execution()).runtime).toBe('fake-runtime');

    const sampled = await model.sample({ n: 3, seed: 9 });
    expect(sampled.latents.data).toEqual(sampleLatents({ n: 3, size: 8, seed: 9 }).data);
    expect(sampled.images.data).toBeInstanceOf(Float32Array);
    expect(model.toRgba(sampled)).toHaveLength(3);
    const rebuilt = await model.reconstruct(sampled.images);
    expect(rebuilt.images).toEqual(sampled.images);
    await model.dispose();
    await expect(model.sample({ n: 1, seed: 1 })).rejects.toThrow('model handle 1 is not loaded in this worker');
  });

  it('brings errors back as one-line GenzooErrors with their code', async () => {
    const ports = channel();
    close = ports.close;
    serveModels(ports.worker, fakeLoader);
    const model = await loadModelInWorker(ports.page, 'http://127.0.0.1:1/models/tiny/');
    await expect(model.sample({ n: 0, seed: 1 })).rejects.toMatchObject({ code: 'E_INPUT', message: 'n must be an integer from 1 to 4096, got 0' });
    await expect(model.samplePoints({ n: 1, seed: 1 })).rejects.toMatchObject({ code: 'E_CAPABILITY', name: 'CapabilityError' });
    await expect(loadModelInWorker(ports.page, 'http://127.0.0.1:1/missing/')).rejects.toThrow(/^GET \/missing\/manifest.json failed: HTTP 404$/);
  });

  it('translates images in both directions of a two-way model, from RGBA pixels and back', async () => {
    const ports = channel();
    close = ports.close;
    serveModels(ports.worker, async () => Generator.load(await fakeModelSource(exampleTranslatorManifest()), new FakeRuntime()));
    const model = await loadModelInWorker(ports.page, 'http://127.0.0.1:1/models/tiny-translator/');
    expect(model.capabilities).toEqual(['translate']);
    // An 8×8 grey ramp as RGBA, converted the way the page converts a drawing.
    const data = new Uint8ClampedArray(8 * 8 * 4).map((_, index) => (index % 4 === 3 ? 255 : Math.floor(index / 4) * 4));
    const input = rgbaImagesToTensor([{ width: 8, height: 8, data }], { layout: 'NCHW', range: [-1, 1], channels: 1 });
    const forward = await model.translate(input);
    expect(forward.images.dims).toEqual([1, 1, 8, 8]);
    expect(forward.images.data[0]).toBeCloseTo(1); // the fake a2b negates: black becomes white
    const back = await model.translate(forward.images, { direction: 'b2a' });
    expect(back.images.data[0]).toBeCloseTo(0.5);
    expect(model.toRgba(back)[0]).toEqual(tensorToRgbaImages(back.images, back.format)[0]);
    await expect(model.sample({ n: 1, seed: 1 })).rejects.toMatchObject({ code: 'E_CAPABILITY' });
  });
});
