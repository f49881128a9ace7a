import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isClassifierManifest, parseModelManifestText, type Manifest } from '@genzoo/core';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TEST_OUTPUT = join(REPO_ROOT, 'test-output');
export const FIXTURE = join(REPO_ROOT, 'tests', 'fixtures', 'tiny-vae');

export interface TestModel {
  id: string;
  folder: string;
  manifest: Manifest;
}

function isModelFolder(folder: string): boolean {
  return existsSync(join(folder, 'manifest.json'));
}

/** Folders a publish is writing (`<id>.staging-<pid>`) or has set aside (`<id>.previous-<pid>`) are not models yet. */
function isInFlight(name: string): boolean {
  return /\.(staging|previous)-\d+$/.test(name);
}

/**
 * Models the cross-runtime tests cover: every generative model in `models/`, the `tests/fixtures/tiny-vae`
 * fixture, and any extra folders in `GENZOO_TEST_MODELS` (a path list).
 * @throws when there is none, so an empty zoo fails loudly instead of passing vacuously.
 */
export function testModels(): TestModel[] {
  const modelsDir = join(REPO_ROOT, 'models');
  const folders = existsSync(modelsDir)
    ? readdirSync(modelsDir).filter((name) => !isInFlight(name)).map((name) => join(modelsDir, name)).filter(isModelFolder).sort()
    : [];
  if (isModelFolder(FIXTURE)) folders.push(FIXTURE);
  for (const extra of (process.env.GENZOO_TEST_MODELS ?? '').split(delimiter).filter(Boolean)) {
    if (!isModelFolder(extra)) throw new Error(`GENZOO_TEST_MODELS entry ${extra} has no manifest.json`);
    folders.push(extra);
  }
  if (folders.length === 0) throw new Error(`no models to test: models/ is empty and ${FIXTURE} is missing`);
  return folders.flatMap((folder) => {
    const path = join(folder, 'manifest.json');
    const manifest = parseModelManifestText(readFileSync(path, 'utf8'), path);
    // Classifiers (feature extractors) generate nothing; tests/classifier-accuracy.test.ts covers them.
    return isClassifierManifest(manifest) ? [] : [{ id: manifest.id, folder, manifest }];
  });
}

/**
 * The first model (by id) of each family and sample space (a KDE of images and a KDE of 2-D points run
 * different graphs), plus every fixture: what the capability tests cover when the zoo is too big to run
 * every model through every runtime.
 */
export function onePerFamily(models: readonly TestModel[]): TestModel[] {
  const seen = new Set<string>();
  return models.filter((model) => {
    if (model.folder.startsWith(join(REPO_ROOT, 'tests'))) return true;
    const kind = `${model.manifest.family}:${model.manifest.points ? 'points' : 'images'}`;
    if (seen.has(kind)) return false;
    seen.add(kind);
    return true;
  });
}
