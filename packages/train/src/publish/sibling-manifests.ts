import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isClassifierManifest, parseModelManifestText, type Manifest } from '@genzoo/core';

/**
 * Manifests of the generative models in `modelsDir` other than `exceptId`, for cards that compare a model with
 * its neighbours. Folders without a readable, valid manifest (one being written, say) are skipped.
 */
export function readSiblingManifests(modelsDir: string, exceptId: string): Manifest[] {
  if (!existsSync(modelsDir)) return [];
  const manifests: Manifest[] = [];
  for (const entry of readdirSync(modelsDir, { withFileTypes: true })) {
    const path = join(modelsDir, entry.name, 'manifest.json');
    if (!entry.isDirectory() || !existsSync(path)) continue;
    try {
      const manifest = parseModelManifestText(readFileSync(path, 'utf8'), path);
      if (!isClassifierManifest(manifest) && manifest.id !== exceptId) manifests.push(manifest);
    } catch {
      continue;
    }
  }
  return manifests.sort((a, b) => a.id.localeCompare(b.id));
}
