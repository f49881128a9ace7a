import { GenzooError, sha256Hex, type ExpectedContent, type ModelSource } from '@genzoo/core';
import { contentKey, readWithProgress, type DownloadProgress, type ResponseCache } from './model-cache.js';

/** Raised when a model file cannot be fetched; the message names the URL and the HTTP status. */
export class FetchError extends GenzooError {
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
  ) {
    super(message, 'E_FETCH');
  }
}

function resolveBase(baseUrl: string | URL): URL {
  const page = (globalThis as { location?: { href: string } }).location?.href;
  let url: URL;
  try {
    url = page ? new URL(baseUrl, page) : new URL(baseUrl);
  } catch {
    throw new GenzooError(`model URL "${String(baseUrl)}" is not a valid URL`, 'E_INPUT');
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

export interface UrlSourceOptions {
  fetch?: typeof fetch;
  /** Keeps graphs by content (URL + sha256) so a second visit downloads nothing; see `openModelCache`. */
  cache?: ResponseCache | undefined;
  onProgress?: ((progress: DownloadProgress) => void) | undefined;
}

/**
 * A model folder served over HTTP(S): `<base>/manifest.json`, `<base>/<graph>.onnx`, …
 * Graphs whose sha256 the manifest gives are cached by content; a cached copy that no longer matches is
 * dropped and downloaded again, and only bytes that match are ever stored.
 */
export class UrlModelSource implements ModelSource {
  private readonly base: URL;
  readonly location: string;
  private readonly fetchImpl: typeof fetch;
  private readonly cache: ResponseCache | undefined;
  private readonly onProgress: ((progress: DownloadProgress) => void) | undefined;

  constructor(baseUrl: string | URL, options: UrlSourceOptions = {}) {
    this.base = resolveBase(baseUrl);
    this.location = this.base.href.replace(/\/$/, '');
    this.fetchImpl = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.cache = options.cache;
    this.onProgress = options.onProgress;
  }

  async readText(file: string): Promise<string> {
    return (await this.get(file)).text();
  }

  async readBytes(file: string, expected?: ExpectedContent): Promise<Uint8Array> {
    const url = this.urlOf(file);
    const key = expected && this.cache ? contentKey(url, expected.sha256) : undefined;
    if (key) {
      const cached = await this.fromCache(key, expected!);
      if (cached) {
        this.onProgress?.({ file, url, loaded: cached.byteLength, total: cached.byteLength, fromCache: true });
        return cached;
      }
    }
    const bytes = await readWithProgress(await this.get(file), (loaded, total) => this.onProgress?.({ file, url, loaded, total, fromCache: false }));
    if (key && bytes.byteLength === expected!.bytes && (await sha256Hex(bytes)) === expected!.sha256) {
      await this.cache!.put(key, new Response(bytes.slice().buffer as ArrayBuffer, { headers: { 'Content-Type': 'application/octet-stream' } })).catch(() => undefined);
    }
    return bytes;
  }

  /** The cached bytes under `key` if they still match the manifest; a stale or damaged entry is deleted. */
  private async fromCache(key: string, expected: ExpectedContent): Promise<Uint8Array | undefined> {
    const hit = await this.cache!.match(key).catch(() => undefined);
    if (!hit) return undefined;
    const bytes = new Uint8Array(await hit.arrayBuffer());
    if (bytes.byteLength === expected.bytes && (await sha256Hex(bytes)) === expected.sha256) return bytes;
    await this.cache!.delete(key).catch(() => false);
    return undefined;
  }

  /** The absolute URL of one file of the folder. */
  urlOf(file: string): string {
    if (!/^[A-Za-z0-9_.-]+$/.test(file) || file === '.' || file === '..') {
      throw new GenzooError(`"${file}" is not a plain file name inside ${this.location}`, 'E_INPUT');
    }
    return new URL(file, this.base).href;
  }

  private async get(file: string): Promise<Response> {
    const url = this.urlOf(file);
    let response: Response;
    try {
      response = await this.fetchImpl(url);
    } catch (error) {
      throw new FetchError(`GET ${url} failed: ${(error as Error).message ?? String(error)}`, url);
    }
    if (!response.ok) {
      const statusText = response.statusText ? ` ${response.statusText}` : '';
      throw new FetchError(`GET ${url} failed: HTTP ${response.status}${statusText}`, url, response.status);
    }
    return response;
  }
}
