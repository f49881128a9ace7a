import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { featureMatrix } from './feature-matrix.js';
import type { Extracted } from '../extractor/feature-extractor.js';

const MAGIC = 'GZFT';
const HEADER_BYTES = 16;

/**
 * Reads features cached by {@link writeFeatureCache}; `undefined` when the file is missing or does not
 * hold `count` rows (a stale or partial file is recomputed, never trusted).
 */
export function readFeatureCache(path: string, count: number): Extracted | undefined {
  if (!existsSync(path)) return undefined;
  const bytes = readFileSync(path);
  if (bytes.length < HEADER_BYTES || bytes.toString('latin1', 0, 4) !== MAGIC) return undefined;
  const [rows, classes, size] = [4, 8, 12].map((offset) => bytes.readUInt32LE(offset)) as [number, number, number];
  if (rows !== count || bytes.length !== HEADER_BYTES + rows * (classes + size) * 4) return undefined;
  const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset + HEADER_BYTES, bytes.byteOffset + bytes.length));
  return {
    logits: featureMatrix(floats.slice(0, rows * classes), rows, classes),
    features: featureMatrix(floats.slice(rows * classes), rows, size),
  };
}

/** Writes logits then features as float32 after a 16-byte header (magic, rows, classes, feature size); atomic. */
export function writeFeatureCache(path: string, extracted: Extracted): void {
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(extracted.logits.rows, 4);
  header.writeUInt32LE(extracted.logits.cols, 8);
  header.writeUInt32LE(extracted.features.cols, 12);
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, Buffer.concat([header, Buffer.from(extracted.logits.data.buffer, extracted.logits.data.byteOffset, extracted.logits.data.byteLength), Buffer.from(extracted.features.data.buffer, extracted.features.data.byteOffset, extracted.features.data.byteLength)]));
  renameSync(temp, path);
}
