import { join } from 'node:path';
import type { Generator, RgbaImage } from '@genzoo/core';
import { writeSampleGrid } from '@genzoo/node';
import type { CardFigure } from './model-figures.js';

/** Truncation thresholds of the figure's rows, top to bottom: from nearly the full prior to nearly its mode. */
export const TRUNCATION_ROW_THRESHOLDS = [2, 1, 0.5, 0.04] as const;
/** Seed of every row's latents. */
export const TRUNCATION_ROW_SEED = 0;
/** File name of the figure. */
export const TRUNCATION_FIGURE_FILE = 'truncation.png';

/** One row of the figure: a threshold and the classes of its columns. */
export interface TruncationRow {
  truncation: number;
  labels: number[];
}

/** The figure's rows: one per threshold, each with classes 0, 1, …, classes − 1 left to right. */
export function truncationRows(classes: number, thresholds: readonly number[] = TRUNCATION_ROW_THRESHOLDS): TruncationRow[] {
  const labels = Array.from({ length: classes }, (_, index) => index);
  return thresholds.map((truncation) => ({ truncation, labels: [...labels] }));
}

/** The card's figure entry for a model of `classes` classes. */
export function truncationFigure(classes: number, thresholds: readonly number[] = TRUNCATION_ROW_THRESHOLDS): CardFigure {
  return {
    file: TRUNCATION_FIGURE_FILE,
    title: `Truncation trick: one row per threshold (${thresholds.join(', ')}), one column per class`,
    alt: `samples at truncation thresholds ${thresholds.join(', ')} (rows), classes 0 to ${classes - 1} (columns)`,
    caption:
      `The truncation trick: row r draws every latent coordinate from the standard normal restricted to [−t, t] (by resampling) with t = ${thresholds.join(', ')} from top to bottom, ` +
      `column c asks for class c, each row \`sample({ n: ${classes}, seed: ${TRUNCATION_ROW_SEED}, truncation: t, labels: [0, …, ${classes - 1}] })\` on the shipped ONNX graph in onnxruntime-node. ` +
      'Resampling draws differ between thresholds, so a column shows the same class, not the same latent scaled. Smaller thresholds trade variety for typical, cleaner samples; ' +
      'near 0 every column collapses towards its class\'s "average" image.',
  };
}

/** Draws the figure's rows from the model's generator into `folder`; returns its card entry. */
export async function renderTruncationRows(model: Generator, folder: string, classes: number, thresholds: readonly number[] = TRUNCATION_ROW_THRESHOLDS): Promise<CardFigure> {
  const tiles: RgbaImage[] = [];
  for (const { truncation, labels } of truncationRows(classes, thresholds)) {
    tiles.push(...model.toRgba(await model.sample({ n: labels.length, seed: TRUNCATION_ROW_SEED, truncation, labels })));
  }
  const figure = truncationFigure(classes, thresholds);
  await writeSampleGrid(tiles, join(folder, figure.file), { columns: classes });
  return figure;
}
