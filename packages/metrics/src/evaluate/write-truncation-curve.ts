import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseModelManifest } from '@genzoo/core';
import { writeSvgPng } from '@genzoo/node';
import { PROTOCOL } from './protocol.js';
import { formatFigure } from './render.js';
import { TRUNCATION_CURVE_FILES, TRUNCATION_CURVE_FIGURES, type TruncationCurve } from './truncation-curve.js';
import { plotOrder, thresholdLabel, truncationCurveSvg } from './truncation-curve-plot.js';
import { withFigure, writeAtomic } from './write-results.js';

const SECTION_START = '<!-- genzoo-truncation-curve:start -->';
const SECTION_END = '<!-- genzoo-truncation-curve:end -->';

/** The figure's title in the manifest's `files.figures` (the gallery's caption). */
export const TRUNCATION_CURVE_TITLE = 'Fidelity/variety trade-off: FID, precision and recall against the truncation threshold';

/** The card section: the plot, then one table row per threshold. */
export function truncationCurveSection(curve: TruncationCurve): string {
  const rows = plotOrder(curve.points).map((point) => `| ${thresholdLabel(point.truncation)} | ${TRUNCATION_CURVE_FIGURES.map((name) => formatFigure(point[name])).join(' | ')} |`);
  return [
    '## Fidelity/variety trade-off (truncation)',
    '',
    `![${TRUNCATION_CURVE_TITLE}](${TRUNCATION_CURVE_FILES.plot})`,
    '',
    `Each row: ${curve.n.toLocaleString('en-US')} samples from seed ${curve.seed} with every latent coordinate resampled into [−t, t] (classes 0, 1, 2, … cycling for a conditional model), ` +
      `judged against the training split with \`${curve.extractor}\`'s features exactly as \`genzoo eval\` does (precision/recall with k = 3 on 2,000 samples a side). ` +
      (curve.n < PROTOCOL.n ? `Fewer samples than the protocol's ${PROTOCOL.n.toLocaleString('en-US')}, so FIDs here run slightly higher than the headline figure. ` : '') +
      `Written by \`genzoo eval --truncation-curve\` in ${curve.seconds} s; data in \`${TRUNCATION_CURVE_FILES.data}\`.`,
    '',
    `| truncation | ${TRUNCATION_CURVE_FIGURES.join(' | ')} |`,
    `|---|${TRUNCATION_CURVE_FIGURES.map(() => '---:').join('|')}|`,
    ...rows,
    '',
  ].join('\n');
}

/** `card` with the section between the markers replaced, or appended when absent. */
export function withCardSection(card: string, section: string): string {
  const block = `${SECTION_START}\n${section}${SECTION_END}\n`;
  const start = card.indexOf(SECTION_START);
  const end = card.indexOf(SECTION_END);
  if (start >= 0 && end > start) return `${card.slice(0, start)}${block}${card.slice(end + SECTION_END.length + 1)}`;
  return `${card.trimEnd()}\n\n${block}`;
}

/**
 * Writes a model's truncation curve into its folder: `truncation-curve.json`, the plot `truncation-curve.png`
 * (listed in the manifest's `files.figures`) and a card section with the plot and a table (replaced on every run).
 * @returns the files written.
 */
export async function writeTruncationCurve(folder: string, curve: TruncationCurve): Promise<string[]> {
  const dataPath = join(folder, TRUNCATION_CURVE_FILES.data);
  await writeAtomic(dataPath, `${JSON.stringify(curve, null, 2)}\n`);
  const plotPath = join(folder, TRUNCATION_CURVE_FILES.plot);
  await writeSvgPng(truncationCurveSvg(curve.points, curve.model), plotPath);
  const manifestPath = join(folder, 'manifest.json');
  const raw = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  const updated = { ...raw, files: withFigure(raw['files'], TRUNCATION_CURVE_TITLE, TRUNCATION_CURVE_FILES.plot) };
  const manifest = parseModelManifest(updated, manifestPath);
  await writeAtomic(manifestPath, `${JSON.stringify(updated, null, 2)}\n`);
  const cardPath = join(folder, manifest.files.card);
  const card = await readFile(cardPath, 'utf8').catch(() => `# ${manifest.name}\n`);
  await writeAtomic(cardPath, withCardSection(card, truncationCurveSection(curve)));
  return [dataPath, plotPath, manifestPath, cardPath];
}
