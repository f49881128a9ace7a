import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { isClassifierManifest, isGenzooError, parseModelManifestText, type Manifest } from '@genzoo/core';
import { pngSize } from './png-size.js';

/** A figure the gallery shows beside a model's samples. */
export interface ModelFigure {
  caption: string;
  file: string;
  /** Pixel size, so pages can reserve the space before the image arrives; undefined when unreadable. */
  size?: { width: number; height: number } | undefined;
}

/** A model folder the gallery serves. */
export interface RegisteredModel {
  manifest: Manifest;
  /** Absolute path of the folder holding `manifest.json`. */
  folder: string;
  /** The manifest's figures, then the memorization grid `genzoo eval` writes when the folder has one. */
  figures: readonly ModelFigure[];
  /** Pixel size of `samples.png`, when readable. */
  samplesSize?: { width: number; height: number } | undefined;
  /** Files of the folder that may be served: the manifest, the files it names and the figures. */
  files: ReadonlySet<string>;
}

export interface Registry {
  models: ReadonlyMap<string, RegisteredModel>;
  /** One line per folder that was skipped, and why. */
  skipped: string[];
}

/** Written by `genzoo eval` beside the samples (see MEMORIZATION_GRID in @genzoo/metrics) without a manifest entry. */
export const MEMORIZATION_FILE = 'memorization.png';
export const MEMORIZATION_CAPTION = 'Memorization check: generated samples nearest the training set (top) and their nearest training images (bottom)';

function figuresOf(manifest: Manifest, folder: string): ModelFigure[] {
  const figures = Object.entries(manifest.files.figures ?? {}).map(([caption, file]) => ({ caption, file }));
  const listed = figures.some((figure) => figure.file === MEMORIZATION_FILE);
  if (!listed && existsSync(join(folder, MEMORIZATION_FILE))) figures.push({ caption: MEMORIZATION_CAPTION, file: MEMORIZATION_FILE });
  return figures.map((figure) => ({ ...figure, size: pngSize(join(folder, figure.file)) }));
}

function servableFiles(manifest: Manifest, figures: readonly ModelFigure[]): Set<string> {
  const graphs = Object.values(manifest.graphs).map((graph) => graph.file);
  return new Set(['manifest.json', ...graphs, manifest.files.samples, manifest.files.card, ...figures.map((figure) => figure.file)]);
}

function modelFolders(location: string): string[] {
  if (existsSync(join(location, 'manifest.json'))) return [location];
  return readdirSync(location, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(location, entry.name, 'manifest.json')))
    .map((entry) => join(location, entry.name))
    .sort();
}

/**
 * Scans model locations: each is a model folder (holding `manifest.json`) or a folder of model folders.
 * Folders with invalid manifests or duplicate ids are skipped and reported, so one bad model does not
 * take the gallery down.
 */
export function scanModels(locations: readonly string[]): Registry {
  const models = new Map<string, RegisteredModel>();
  const skipped: string[] = [];
  for (const location of locations.map((entry) => resolve(entry))) {
    if (!existsSync(location) || !statSync(location).isDirectory()) {
      skipped.push(`${location}: not a folder`);
      continue;
    }
    for (const folder of modelFolders(location)) {
      const manifestPath = join(folder, 'manifest.json');
      try {
        const manifest = parseModelManifestText(readFileSync(manifestPath, 'utf8'), manifestPath);
        // Classifiers (the evaluation's feature extractors) live in models/ too but draw nothing: not gallery material.
        if (isClassifierManifest(manifest)) continue;
        const existing = models.get(manifest.id);
        if (existing) {
          skipped.push(`${folder}: model id "${manifest.id}" is already served from ${existing.folder}`);
          continue;
        }
        const figures = figuresOf(manifest, folder);
        const samplesSize = pngSize(join(folder, manifest.files.samples));
        models.set(manifest.id, { manifest, folder, figures, samplesSize, files: servableFiles(manifest, figures) });
      } catch (error) {
        skipped.push(isGenzooError(error) ? error.message : `${manifestPath}: ${(error as Error).message}`);
      }
    }
  }
  return { models, skipped };
}

/** `GENZOO_MODELS` (a path list, like PATH) or the repository's `models/`. */
export function modelLocations(env: NodeJS.ProcessEnv, defaultLocation: string): string[] {
  const value = env.GENZOO_MODELS?.trim();
  return value ? value.split(delimiter).filter(Boolean) : [defaultLocation];
}
