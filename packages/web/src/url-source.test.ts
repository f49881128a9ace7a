import { describe, expect, it } from 'vitest';
import { UrlModelSource } from './url-source.js';

function fakeFetch(files: Record<string, string>): typeof fetch {
  return async (input) => {
    const url = String(input);
    const body = files[url];
    return body === undefined ? new Response('missing', { status: 404, statusText: 'Not Found' }) : new Response(body);
  };
}

describe('UrlModelSource', () => {
  const files = { 'http://127.0.0.1:1/models/tiny/manifest.json': '{"id":"tiny"}', 'http://127.0.0.1:1/models/tiny/g.onnx': 'abc' };

  it('reads text and bytes relative to the folder URL, with or without a trailing slash', async () => {
    for (const base of ['http://127.0.0.1:1/models/tiny', 'http://127.0.0.1:1/models/tiny/']) {
      const source = new UrlModelSource(base, { fetch: fakeFetch(files) });
      expect(source.location).toBe('http://127.0.0.1:1/models/tiny');
      expect(await source.readText('manifest.json')).toBe('{"id":"tiny"}');
      expect(Array.from(await source.readBytes('g.onnx'))).toEqual([97, 98, 99]);
    }
  });

  it('names the URL and the HTTP status when a file is missing', async () => {
    const source = new UrlModelSource('http://127.0.0.1:1/models/tiny', { fetch: fakeFetch(files) });
    await expect(source.readBytes('other.onnx')).rejects.toThrow('GET http://127.0.0.1:1/models/tiny/other.onnx failed: HTTP 404 Not Found');
  });

  it('names the URL when the network fails', async () => {
    const source = new UrlModelSource('http://127.0.0.1:1/m', {
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(source.readText('manifest.json')).rejects.toThrow('GET http://127.0.0.1:1/m/manifest.json failed: Failed to fetch');
  });

  it('refuses file names that would leave the folder', async () => {
    const source = new UrlModelSource('http://127.0.0.1:1/m', { fetch: fakeFetch(files) });
    await expect(source.readText('../secret.json')).rejects.toThrow('"../secret.json" is not a plain file name');
  });

  it('rejects a base that is not a URL', () => {
    expect(() => new UrlModelSource('not a url')).toThrow('model URL "not a url" is not a valid URL');
  });
});
