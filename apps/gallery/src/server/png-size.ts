import { closeSync, openSync, readSync } from 'node:fs';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk (the first 24 bytes); undefined when the file is missing or not a PNG. */
export function pngSize(path: string): { width: number; height: number } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const header = Buffer.alloc(24);
    if (readSync(fd, header, 0, 24, 0) < 24 || SIGNATURE.some((byte, index) => header[index] !== byte) || header.toString('latin1', 12, 16) !== 'IHDR') return undefined;
    return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
