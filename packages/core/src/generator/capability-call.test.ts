import { describe, expect, it } from 'vitest';
import { sampleLatents } from '../random/samplers.js';
import type { Manifest } from '../manifest/schema.js';
import { exampleManifest, exampleMixtureManifest } from '../testing/example-manifest.js';
import { FakeRuntime, fakeModelSource } from '../testing/fake-runtime.js';
import { callCapability, type CapabilityCall } from './capability-call.js';
import { Generator } from './generator.js';

async function load(manifest: Manifest, kinds: Record<string, string> = {}): Promise<Generator> {
  return Generator.load(await fakeModelSource(manifest, kinds), new FakeRuntime());
}

describe('callCapability', () => {
  it('runs image capabilities from plain data and returns plain data', async () => {
    const model = await load(exampleManifest());
    const sampled = await callCapability(model, { capability: 'sample', n: 2, seed: 3 });
    expect(sampled.kind).toBe('images');
    expect(sampled.output.dims).toEqual([2, 1, 8, 8]);
    expect(sampled.output.data.slice(0, 8)).toEqual(Array.from(sampleLatents({ n: 1, size: 8, seed: 3 }).data));
    expect(JSON.parse(JSON.stringify(sampled))).toEqual(sampled);

    const encoded = await callCapability(model, { capability: 'encode', images: sampled.output });
    expect(encoded).toMatchObject({ kind: 'latents', output: { dims: [2, 8] } });
    const rebuilt = await callCapability(model, { capability: 'reconstruct', images: sampled.output });
    expect(rebuilt.output).toEqual(sampled.output);
  });

  it('runs point and density capabilities', async () => {
    const model = await load(exampleMixtureManifest(), { generator: 'mixture' });
    const points = await callCapability(model, { capability: 'samplePoints', n: 4, seed: 1 });
    expect(points).toMatchObject({ kind: 'points', output: { dims: [4, 2] } });
    const density = await callCapability(model, { capability: 'logDensity', samples: { dims: [1, 2], data: [3, 4] } });
    expect(density.output).toEqual({ dims: [1], data: [-12.5] });
  });

  it('rejects unknown capabilities and malformed tensors with one line', async () => {
    const model = await load(exampleManifest());
    await expect(callCapability(model, { capability: 'fly' } as unknown as CapabilityCall)).rejects.toThrow('unknown capability "fly"');
    await expect(callCapability(model, { capability: 'encode', images: { dims: [1], data: 'x' } as never })).rejects.toThrow('images must be { dims: number[], data: number[] }');
    await expect(callCapability(model, { capability: 'samplePoints', n: 1, seed: 1 })).rejects.toThrow('cannot samplePoints');
  });
});
