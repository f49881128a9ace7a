import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseManifestText } from '@genzoo/core';
import { getPublishProfile } from './publish-profile.js';
import { readTrainingSummary, trainingSummaryFromManifest } from './run-summary.js';
import { isTranslatorFamily } from './translator-profiles.js';

/**
 * Redraws the figures of a shipped model that compare it with the models beside it (its profile's
 * `refreshFigures`), so that a model published before its siblings shows them too. A no-op for other profiles.
 */
export async function refreshModelFigures(modelDir: string, runDir?: string): Promise<void> {
  const manifestPath = join(modelDir, 'manifest.json');
  if (!existsSync(manifestPath)) return;
  const manifest = parseManifestText(readFileSync(manifestPath, 'utf8'), manifestPath);
  const summary = runDir === undefined ? trainingSummaryFromManifest(manifest) : readTrainingSummary(runDir);
  if (summary.family === 'classifier' || isTranslatorFamily(summary.family)) return;
  // A mismatched run is refreshModelCard's error to report.
  if (manifest.training['trainingFamily'] !== summary.family) return;
  await getPublishProfile(summary.family, summary).refreshFigures?.({ folder: modelDir, modelsDir: dirname(resolve(modelDir)), manifest });
}
