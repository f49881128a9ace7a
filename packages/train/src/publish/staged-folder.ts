import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
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
  let result: T;
  try {
    result = await build(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  swapIn(staging, target);
  return result;
}

/**
 * Moves `staging` to `target`. The old folder is renamed aside rather than deleted first, so that a
 * process killed mid-swap leaves it recoverable (`<target>.previous-<pid>`), never lost.
 */
function swapIn(staging: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  const previous = `${target}.previous-${process.pid}`;
  const hadPrevious = existsSync(target);
  if (hadPrevious) {
    rmSync(previous, { recursive: true, force: true });
    renameSync(target, previous);
  }
  try {
    renameSync(staging, target);
  } catch (error) {
    if (hadPrevious) renameSync(previous, target);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}
