import type { AnyManifest } from '@genzoo/core';
import { publishClassifierRun } from './publish-classifier.js';
import { publishRun } from './publish-model.js';
import { assertPublishProfile } from './publish-profile.js';
import { readTrainingSummary } from './run-summary.js';

/** Throws a one-line error when runs of `family` cannot be shipped as a model folder. */
export function assertPublishable(family: string): void {
  if (family !== 'classifier') assertPublishProfile(family);
}

/** Publishes a finished run of any family: {@link publishClassifierRun} for classifiers, {@link publishRun} otherwise. */
export async function publishAnyRun(runDir: string, id: string, outDir: string): Promise<AnyManifest> {
  return readTrainingSummary(runDir).family === 'classifier' ? publishClassifierRun(runDir, id, outDir) : publishRun(runDir, id, outDir);
}

/** The line both CLIs print once a model folder is shipped. */
export function publishedLine(outDir: string, manifest: AnyManifest): string {
  const error = manifest.metrics['exportMaxAbsError'];
  return `${outDir}: ${manifest.name} (${Object.keys(manifest.graphs).join(', ')}), export max abs error vs tfjs ${error?.toExponential(2) ?? 'n/a'}`;
}
