import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageJson {
  name: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** The installed folder of `name` as Node resolves it from `from`: the nearest node_modules up the tree. */
function packageFolder(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Every installed package reachable through runtime dependencies (not devDependencies) of the package at `root`. */
function runtimeDependencies(root: string): Set<string> {
  const names = new Set<string>();
  const visited = new Set<string>();
  const visit = (folder: string): void => {
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as PackageJson;
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies, ...manifest.peerDependencies })) {
      const found = packageFolder(name, folder);
      if (!found || visited.has(found)) continue;
      names.add(name);
      visited.add(found);
      visit(found);
    }
  };
  visit(root);
  return names;
}

describe('@genzoo/node dependencies', () => {
  it('pull in no TensorFlow.js', () => {
    const names = runtimeDependencies(fileURLToPath(new URL('..', import.meta.url)));
    expect(names).toContain('onnxruntime-node');
    expect(names).toContain('@genzoo/core');
    expect([...names].filter((name) => /tensorflow|tfjs/i.test(name))).toEqual([]);
  });
});
