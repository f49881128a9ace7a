import { GenzooError, type ModelSource } from '@genzoo/core';

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

/** A model folder served over HTTP(S): `<base>/manifest.json`, `<base>/<graph>.onnx`, … */
export class UrlModelSource implements ModelSource {
  private readonly base: URL;
  readonly location: string;

  constructor(
    baseUrl: string | URL,
    private readonly fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args),
  ) {
    this.base = resolveBase(baseUrl);
    this.location = this.base.href.replace(/\/$/, '');
  }

  async readText(file: string): Promise<string> {
    return (await this.get(file)).text();
  }

  async readBytes(file: string): Promise<Uint8Array> {
    return new Uint8Array(await (await this.get(file)).arrayBuffer());
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
