import { describe, expect, it } from 'vitest';
import { FIXTURE } from '../test-support/fixture.js';
import { loadModel } from './load-model.js';
import { processSessionCache, SessionCache } from './session-cache.js';

describe('the process-wide session cache', () => {
  it('shares one session between generators of the same model, provider and threads, until the last dispose', async () => {
    const before = processSessionCache.size;
    const [first, second] = await Promise.all([loadModel(FIXTURE, { threads: 1, device: 'cpu' }), loadModel(FIXTURE, { threads: 1, device: 'cpu' })]);
    expect(processSessionCache.size).toBe(before + 1);
    const other = await loadModel(FIXTURE, { threads: 2, device: 'cpu' });
    expect(processSessionCache.size).toBe(before + 2);

    await first.dispose();
    await first.dispose();
    expect(processSessionCache.size).toBe(before + 2);
    const [a, b] = await Promise.all([second.sample({ n: 2, seed: 5 }), other.sample({ n: 2, seed: 5 })]);
    expect(a.images.data).toEqual(b.images.data);

    await second.dispose();
    await other.dispose();
    expect(processSessionCache.size).toBe(before);
  });

  it('opens a private session when sharing is off', async () => {
    const before = processSessionCache.size;
    const model = await loadModel(FIXTURE, { threads: 1, device: 'cpu', shareSessions: false });
    expect(processSessionCache.size).toBe(before);
    expect((await model.sample({ n: 1, seed: 1 })).images.dims[0]).toBe(1);
    await model.dispose();
  });

  it('forgets a failed creation so the next caller tries again', async () => {
    const cache = new SessionCache();
    const model = new Uint8Array([1, 2, 3]);
    await expect(cache.acquire(model, 'cpu', () => Promise.reject(new Error('broken graph')))).rejects.toThrow('broken graph');
    expect(cache.size).toBe(0);
    let released = 0;
    const fake = { release: async () => void (released += 1) } as never;
    const { cacheKey } = await cache.acquire(model, 'cpu', async () => fake);
    await cache.acquire(model, 'cpu', async () => {
      throw new Error('not called: the session is cached');
    });
    await cache.release(cacheKey);
    expect(released).toBe(0);
    await cache.release(cacheKey);
    expect(released).toBe(1);
    expect(cache.size).toBe(0);
  });
});
