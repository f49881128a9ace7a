import { GenzooError } from '../errors.js';
import type { GraphSpec } from '../manifest/schema.js';

/** Where a model folder's files come from: a directory in Node, a URL in the browser, a test double. */
export interface ModelSource {
  /** A human-readable location for messages: a path or a URL. */
  readonly location: string;
  readText(file: string): Promise<string>;
  readBytes(file: string): Promise<Uint8Array>;
}

/** Raised when a file's bytes do not match the sha256 its manifest records. */
export class IntegrityError extends GenzooError {
  constructor(message: string) {
    super(message, 'E_INTEGRITY');
  }
}

interface SubtleDigest {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

/** Hex sha256 through WebCrypto, which both Node (>= 19) and browsers provide globally. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleDigest } }).crypto?.subtle;
  if (!subtle) throw new GenzooError('WebCrypto is unavailable: sha256 needs a secure context (https or localhost)', 'E_CRYPTO');
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Reads a graph's bytes and checks size and sha256 before they reach any runtime. */
export async function readVerifiedGraph(source: ModelSource, graph: GraphSpec): Promise<Uint8Array> {
  const bytes = await source.readBytes(graph.file);
  const where = `${source.location}/${graph.file}`;
  if (bytes.byteLength !== graph.bytes) {
    throw new IntegrityError(`${where} has ${bytes.byteLength} bytes, the manifest says ${graph.bytes}: the file is corrupt or was replaced`);
  }
  const actual = await sha256Hex(bytes);
  if (actual !== graph.sha256) {
    throw new IntegrityError(`${where} has sha256 ${actual}, the manifest says ${graph.sha256}: the file is corrupt or was replaced`);
  }
  return bytes;
}
