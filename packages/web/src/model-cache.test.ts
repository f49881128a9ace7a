import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@genzoo/core';
import { contentKey, type DownloadProgress, type ResponseCache } from './model-cache.js';
import { UrlModelSource } from './url-source.js';

class MemoryCache implements ResponseCache {
  readonly entries = new Map<string, Uint8Array>();
  async match(request: string): Promise<Response | undefined> {
    const bytes = this.entries.get(request);
    return bytes && new Response(bytes.slice().buffer as ArrayBuffer);
  }
  async put(request: string, response: Response): Promise<void> {
    this.entries.set(request, new Uint8Array(await response.arrayBuffer()));
  }
  async delete(request: string): Promise<boolean> {
    return this.entries.delete(request);
  }
}

const BASE = 'http://127.0.0.1:1/models/tiny';
const GRAPH = `${BASE}/g.onnx`;

function countingFetch(body: Uint8Array): { fetch: typeof fetch; calls: () => number } {
  let calls = 0;
  return {
    fetch: async () => {
      calls += 1;
      return new Response(body.slice().buffer as ArrayBuffer, { headers: { 'Content-Length': String(body.byteLength) } });
    },
    calls: () => calls,
  };
}

describe('UrlModelSource with a model cache', () => {
  const bytes = new Uint8Array(Array.from({ length: 40_000 }, (_, index) => index % 251));

  it('downloads a graph once, then reads it from the cache by content', async () => {
    const expected = { sha256: await sha256Hex(bytes), bytes: bytes.byteLength };
    const cache = new MemoryCache();
    const network = countingFetch(bytes);
    const progress: DownloadProgress[] = [];
    const source = new UrlModelSource(BASE, { fetch: network.fetch, cache, onProgress: (event) => progress.push(event) });

    expect(await source.readBytes('g.onnx', expected)).toEqual(bytes);
    expect(await source.readBytes('g.onnx', expected)).toEqual(bytes);
    expect(network.calls()).toBe(1);
    expect([...cache.entries.keys()]).toEqual([contentKey(GRAPH, expected.sha256)]);
    const downloads = progress.filter((event) => !event.fromCache);
    expect(downloads.at(-1)).toEqual({ file: 'g.onnx', url: GRAPH, loaded: bytes.byteLength, total: bytes.byteLength, fromCache: false });
    expect(progress.at(-1)).toMatchObject({ fromCache: true, loaded: bytes.byteLength });
  });

  it('drops a cached copy that no longer matches and downloads again', async () => {
    const expected = { sha256: await sha256Hex(bytes), bytes: bytes.byteLength };
    const cache = new MemoryCache();
    cache.entries.set(contentKey(GRAPH, expected.sha256), new Uint8Array([1, 2, 3]));
    const network = countingFetch(bytes);
    const source = new UrlModelSource(BASE, { fetch: network.fetch, cache });
    expect(await source.readBytes('g.onnx', expected)).toEqual(bytes);
    expect(network.calls()).toBe(1);
    expect(cache.entries.get(contentKey(GRAPH, expected.sha256))).toEqual(bytes);
  });

  it('never stores bytes that do not match the manifest', async () => {
    const cache = new MemoryCache();
    const source = new UrlModelSource(BASE, { fetch: countingFetch(bytes).fetch, cache });
    await source.readBytes('g.onnx', { sha256: 'f'.repeat(64), bytes: bytes.byteLength });
    expect(cache.entries.size).toBe(0);
  });

  it('keys a new model version apart from the old one', () => {
    expect(contentKey(GRAPH, 'a'.repeat(64))).not.toBe(contentKey(GRAPH, 'b'.repeat(64)));
    expect(contentKey(`${GRAPH}?v=1`, 'a'.repeat(64))).toBe(`${GRAPH}?v=1&sha256=${'a'.repeat(64)}`);
  });
});
