import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The monorepo root: the nearest folder above `start` whose package.json has
 * `"workspaces"`. Falls back to `start` when there is none.
 */
export function findRepoRoot(start: string = process.cwd()): string {
  let dir = resolve(start);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
        if (parsed.workspaces !== undefined) return dir;
      } catch {
        // An unreadable package.json is not the root; keep walking.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return resolve(start);
    dir = parent;
  }
}

/** Where dataset caches live: `$GENZOO_CACHE_DIR` or `<repo>/.cache/datasets`. */
export function datasetCacheDir(): string {
  const fromEnv = process.env.GENZOO_CACHE_DIR;
  if (fromEnv !== undefined && fromEnv !== '') return resolve(fromEnv);
  return join(findRepoRoot(), '.cache', 'datasets');
}
