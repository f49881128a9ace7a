/** The part of the Cache Storage API the model cache uses; `caches.open(…)` gives one, tests pass a fake. */
export interface ResponseCache {
  match(request: string): Promise<Response | undefined>;
  put(request: string, response: Response): Promise<void>;
  delete(request: string): Promise<boolean>;
}

/** Name of the Cache Storage bucket graphs are kept in; bump the version to drop every cached graph. */
export const MODEL_CACHE_NAME = 'genzoo-models-v1';

/** Progress of one file of a model: fetched over the network, or read back from the cache. */
export interface DownloadProgress {
  file: string;
  url: string;
  loaded: number;
  /** From `Content-Length`, when the server sent one. */
  total: number | undefined;
  fromCache: boolean;
}

/** The browser's model cache, or undefined where Cache Storage is unavailable (insecure pages, Node). */
export async function openModelCache(name = MODEL_CACHE_NAME): Promise<ResponseCache | undefined> {
  const storage = (globalThis as { caches?: { open(name: string): Promise<ResponseCache> } }).caches;
  if (!storage) return undefined;
  try {
    return await storage.open(name);
  } catch {
    // Opaque origins and some privacy modes refuse storage: run uncached rather than fail.
    return undefined;
  }
}

/** Cache key of a file's exact content: a new model version (new sha256) never reads an old entry. */
export function contentKey(url: string, sha256: string): string {
  const key = new URL(url);
  key.searchParams.set('sha256', sha256);
  return key.href;
}

/** Reads a response body in chunks, reporting bytes so far, into one array. */
export async function readWithProgress(response: Response, report: (loaded: number, total: number | undefined) => void): Promise<Uint8Array> {
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : undefined;
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    report(bytes.byteLength, total);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    report(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
