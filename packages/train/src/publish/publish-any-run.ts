import type { AnyManifest } from '@genzoo/core';
import { publishClassifierRun } from './publish-classifier.js';
import { publishRun } from './publish-model.js';
import { assertPublishProfile } from './publish-profile.js';
import { readTrainingSummary } from './run-summary.js';
import { publishTranslatorRun } from './publish-translator.js';
import { isTranslatorFamily } from './translator-profiles.js';

/** Throws a one-line error when runs of `family` cannot be shipped as a model folder. */
export function assertPublishable(family: string): void {
  if (family !== 'classifier' && !isTranslatorFamily(family)) assertPublishProfile(family);
}

/**
 * Publishes a finished run of any family: {@link publishClassifierRun} for classifiers, {@link publishTranslatorRun} for
 * pix2pix and CycleGAN, {@link publishRun} otherwise.
 */
export async function publishAnyRun(runDir: string, id: string, outDir: string): Promise<AnyManifest> {
  const { family } = readTrainingSummary(runDir);
  if (family === 'classifier') return publishClassifierRun(runDir, id, outDir);
  if (isTranslatorFamily(family)) return publishTranslatorRun(runDir, id, outDir);
  return publishRun(runDir, id, outDir);
}

/** The line both CLIs print once a model folder is shipped. */
export function publishedLine(outDir: string, manifest: AnyManifest): string {
  const error = manifest.metrics['exportMaxAbsError'];
  return `${outDir}: ${manifest.name} (${Object.keys(manifest.graphs).join(', ')}), export max abs error vs tfjs ${error?.toExponential(2) ?? 'n/a'}`;
}
