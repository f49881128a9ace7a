import { GenzooError } from '../errors.js';
import type { GraphSpec } from '../manifest/schema.js';

/** What a graph file must hold, from its manifest: lets a source cache files by content. */
export interface ExpectedContent {
  sha256: string;
  bytes: number;
}

/** Where a model folder's files come from: a directory in Node, a URL in the browser, a test double. */
export interface ModelSource {
  /** A human-readable location for messages: a path or a URL. */
  readonly location: string;
  readText(file: string): Promise<string>;
  /** @param expected the manifest's size and sha256 of the file, when known. */
  readBytes(file: string, expected?: ExpectedContent): Promise<Uint8Array>;
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
  const bytes = await source.readBytes(graph.file, { sha256: graph.sha256, bytes: graph.bytes });
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
