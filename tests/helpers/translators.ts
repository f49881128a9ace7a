import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translationDirectionsOf } from '@genzoo/core';
import { testModels, type TestModel } from './test-models.js';

/** Translators among the test models, possibly none. */
export function findTranslators(): TestModel[] {
  return testModels().filter((model) => model.manifest.translation !== undefined);
}

/** Why a translate test has nothing to run on. */
export const NO_TRANSLATORS =
  'no image-to-image translator to test: models/ has no pix2pix or CycleGAN model yet ' +
  '(set GENZOO_TEST_MODELS=tests/fixtures/tiny-translator to run these tests on the fixture meanwhile)';

/**
 * The image-to-image translators among the test models (pix2pix and CycleGAN models in `models/`, and any
 * folder in `GENZOO_TEST_MODELS`, e.g. tests/fixtures/tiny-translator).
 * @throws when there is none, so the translate tests fail loudly instead of passing vacuously.
 */
export function translatorModels(): TestModel[] {
  const found = findTranslators();
  if (found.length === 0) throw new Error(NO_TRANSLATORS);
  return found;
}

/** A translator with both directions (CycleGAN), else the first one. */
export function twoWayFirst(models: readonly TestModel[]): TestModel {
  return models.find((model) => translationDirectionsOf(model.manifest).includes('b2a')) ?? models[0]!;
}

/** A copy of `model`'s folder in a temp folder, with id `<id>-one-way` and no b2a graph (what pix2pix ships). */
export function oneWayCopy(model: TestModel): { id: string; folder: string } {
  const folder = join(mkdtempSync(join(tmpdir(), 'genzoo-one-way-')), `${model.id}-one-way`);
  cpSync(model.folder, folder, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { id: string; graphs: Record<string, unknown> };
  manifest.id = `${model.id}-one-way`;
  delete manifest.graphs.b2a;
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { id: manifest.id, folder };
}
