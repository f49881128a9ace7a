import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Builds a folder beside `outDir` and swaps it in only when `build` succeeds, so a failed publish
 * leaves the previous model folder intact and no half-written one behind.
 */
export async function buildFolderAtomically<T>(outDir: string, build: (staging: string) => Promise<T>): Promise<T> {
  const target = resolve(outDir);
  const staging = `${target}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const result = await build(staging);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(dirname(target), { recursive: true });
    renameSync(staging, target);
    return result;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
