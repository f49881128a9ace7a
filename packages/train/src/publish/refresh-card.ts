import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseManifestText } from '@genzoo/core';
import { modelFigures } from './figures/model-figures.js';
import { renderModelCard } from './model-card.js';
import { getPublishProfile, type PublishProfile } from './publish-profile.js';
import { readTrainingSummary, trainingSummaryFromManifest } from './run-summary.js';
import { readSiblingManifests } from './sibling-manifests.js';
import { renderTranslatorCard } from './translator-card.js';
import { isTranslatorFamily, translatorProfile } from './translator-profiles.js';

// The markers `genzoo eval` (@genzoo/metrics) puts around the sections it owns: the Evaluation, and the truncation curve.
const EVALUATION_MARKERS = ['<!-- genzoo-eval:start -->', '<!-- genzoo-eval:end -->'] as const;
const TRUNCATION_CURVE_MARKERS = ['<!-- genzoo-truncation-curve:start -->', '<!-- genzoo-truncation-curve:end -->'] as const;

function markedSection(card: string, [startMarker, endMarker]: readonly [string, string]): string {
  const start = card.indexOf(startMarker);
  const end = card.indexOf(endMarker);
  return start >= 0 && end > start ? `${card.slice(start, end + endMarker.length)}\n` : '';
}

/** The Evaluation section of a card as `genzoo eval` wrote it, markers included; empty when there is none. */
export function evaluationSection(card: string): string {
  return markedSection(card, EVALUATION_MARKERS);
}

/** Every section `genzoo eval` wrote into a card (Evaluation, then the truncation curve), markers included. */
export function evalWrittenSections(card: string): string {
  const sections = [evaluationSection(card), markedSection(card, TRUNCATION_CURVE_MARKERS)].filter((section) => section !== '');
  return sections.join('\n');
}

type ProfileText = Pick<PublishProfile, 'name' | 'description' | 'objective'>;

/**
 * A manifest's JSON with the name, description and training objective its profile gives now, so that a card re-rendered
 * after a profile change does not disagree with the manifest the gallery and the runtimes read. Works on the file's own
 * JSON (not the parsed manifest, which fills defaults) so that nothing else in the file changes.
 */
export function withProfileText(json: Record<string, unknown>, profile: ProfileText): Record<string, unknown> {
  const training = (json['training'] ?? {}) as Record<string, unknown>;
  return { ...json, name: profile.name, description: profile.description, training: { ...training, objective: profile.objective } };
}

function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

/**
 * Re-renders a shipped model's card from its manifest (with the figures `genzoo eval` measured since), its training run and
 * the models beside it, keeping the Evaluation section as `genzoo eval` wrote it. For cards that quote measured figures
 * (the FID of an autoencoder's prior samples, the β trade-off table) once every model has been evaluated.
 * Without `runDir` (its folder is gone), the run is rebuilt from the manifest's training record. The manifest's name,
 * description and objective are brought in line with the card's.
 * @returns the card's path.
 */
export function refreshModelCard(modelDir: string, runDir?: string): string {
  const manifestPath = join(modelDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${modelDir} has no manifest.json (is it a model folder?)`);
  const manifestText = readFileSync(manifestPath, 'utf8');
  let manifest = parseManifestText(manifestText, manifestPath);
  const summary = runDir === undefined ? trainingSummaryFromManifest(manifest) : readTrainingSummary(runDir);
  if (manifest.training['trainingFamily'] !== summary.family) {
    throw new Error(`${runDir} trained family '${summary.family}', but ${modelDir} ships family '${String(manifest.training['trainingFamily'])}'`);
  }
  const cardPath = join(modelDir, manifest.files.card);
  const evaluation = existsSync(cardPath) ? evalWrittenSections(readFileSync(cardPath, 'utf8')) : '';
  let card: string;
  if (isTranslatorFamily(summary.family)) {
    card = renderTranslatorCard(manifest, translatorProfile(summary.family, summary), summary);
  } else {
    const profile = getPublishProfile(summary.family, summary);
    const syncedText = `${JSON.stringify(withProfileText(JSON.parse(manifestText) as Record<string, unknown>, profile), null, 2)}\n`;
    if (syncedText !== manifestText) {
      manifest = parseManifestText(syncedText, manifestPath);
      writeAtomically(manifestPath, syncedText);
    }
    const figures = modelFigures(manifest).filter((figure) => existsSync(join(modelDir, figure.file)));
    const siblings = readSiblingManifests(dirname(resolve(modelDir)), manifest.id);
    card = renderModelCard(manifest, profile, summary, { figures, siblings });
  }
  writeAtomically(cardPath, evaluation === '' ? card : `${card.trimEnd()}\n\n${evaluation}`);
  return cardPath;
}
