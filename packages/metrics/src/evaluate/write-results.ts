import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseModelManifest, type RgbaImage } from '@genzoo/core';
import { writeSampleGrid } from '@genzoo/node';
import type { EvaluationOutcome } from './evaluate-model.js';
import { formatFigure, renderEvaluationSection } from './render.js';

/** File name of the memorization grid written beside a model's samples. */
export const MEMORIZATION_GRID = 'memorization.png';

const SECTION_START = '<!-- genzoo-eval:start -->';
const SECTION_END = '<!-- genzoo-eval:end -->';

export async function writeAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, path);
}

function grayscale(pixels: Uint8Array, width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  pixels.forEach((value, index) => data.set([value, value, value, 255], index * 4));
  return { width, height, data };
}

/** `files` with `file` listed among its figures under `caption` (replacing any earlier caption of that file), so the gallery shows it. */
export function withFigure(files: unknown, caption: string, file: string): Record<string, unknown> {
  const current = (files ?? {}) as Record<string, unknown> & { figures?: Record<string, string> };
  const kept = Object.entries(current.figures ?? {}).filter(([, name]) => name !== file);
  const title = caption.length <= 200 ? caption : `${caption.slice(0, 199)}…`;
  return { ...current, figures: Object.fromEntries([...kept, [title, file]]) };
}

/**
 * Writes an evaluation into its model folder: the figures into `metrics` (replacing those of any
 * earlier evaluation, keeping everything else), the protocol into `evaluation`, the memorization
 * grid (or a translator's grid of held-out translations), and an "Evaluation" section in the model
 * card (replaced on every run).
 * @returns the files written.
 */
export async function writeEvaluation(outcome: EvaluationOutcome): Promise<string[]> {
  const manifestPath = join(outcome.folder, 'manifest.json');
  const raw = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown> & { metrics: Record<string, number>; evaluation?: { figures?: string[] } };
  const metrics = { ...raw.metrics };
  for (const old of raw.evaluation?.figures ?? []) delete metrics[old];
  const files = outcome.image && outcome.grid ? withFigure(raw['files'], outcome.grid.caption, outcome.grid.file) : raw['files'];
  const updated = { ...raw, files, metrics: { ...metrics, ...roundFigures(outcome.figures) }, evaluation: outcome.protocol };
  const manifest = parseModelManifest(updated, manifestPath);
  await writeAtomic(manifestPath, `${JSON.stringify(updated, null, 2)}\n`);
  const written = [manifestPath];

  if (outcome.image && outcome.memorizationPairs.length > 0) {
    const { width, height } = outcome.image;
    // Top row: generated samples nearest the training set; bottom row: their nearest training images.
    const images = [...outcome.memorizationPairs.map((pair) => pair.generated), ...outcome.memorizationPairs.map((pair) => pair.train)];
    const path = join(outcome.folder, MEMORIZATION_GRID);
    await writeSampleGrid(images.map((pixels) => grayscale(pixels, width, height)), path, { columns: outcome.memorizationPairs.length });
    written.push(path);
  }
  if (outcome.image && outcome.grid) {
    const { width, height } = outcome.image;
    const path = join(outcome.folder, outcome.grid.file);
    await writeSampleGrid(outcome.grid.images.map((pixels) => grayscale(pixels, width, height)), path, { columns: outcome.grid.columns });
    written.push(path);
  }

  const cardPath = join(outcome.folder, manifest.files.card);
  const card = await readFile(cardPath, 'utf8').catch(() => `# ${manifest.name}\n`);
  const section = `${SECTION_START}\n${renderEvaluationSection({ ...outcome, manifest }, outcome.memorizationPairs.length > 0 ? MEMORIZATION_GRID : undefined)}${SECTION_END}\n`;
  const start = card.indexOf(SECTION_START);
  const end = card.indexOf(SECTION_END);
  const next = start >= 0 && end > start ? `${card.slice(0, start)}${section}${card.slice(end + SECTION_END.length + 1)}` : `${card.trimEnd()}\n\n${section}`;
  await writeAtomic(cardPath, next);
  written.push(cardPath);
  return written;
}

/** Six significant digits are plenty and keep manifests readable; checks compare with a matching tolerance. */
export function roundFigures(figures: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).map(([name, value]) => [name, Number(value.toPrecision(6))]));
}

export { formatFigure };
