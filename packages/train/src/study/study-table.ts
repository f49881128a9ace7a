import type { Mixture2d } from '@genzoo/metrics';
import { PUBLISHED_ROWS } from './published-rows.js';
import type { MeanSe, StudyRow } from './study-summary.js';

const DATASET_TITLES: Record<string, string> = { ring: 'ring of 8 Gaussians (σ 0.01)', grid: '5×5 grid of Gaussians (σ 0.05)' };

function pm(value: MeanSe, digits: number): string {
  return `${value.mean.toFixed(digits)} ± ${value.se.toFixed(digits)}`;
}

/** The study's Markdown table for one dataset: our rows (mean ± standard error over seeds), then the published rows. */
export function renderStudyTable(dataset: string, mixture: Mixture2d, rows: readonly StudyRow[]): string {
  const header = '| method | modes (of ' + mixture.centres.length + ') | high-quality % | reverse KL | all modes, every seed | seeds | steps | ms/step |';
  const ours = rows.map(
    (row) =>
      `| ${row.title} | ${pm(row.modesCaptured, 1)} | ${pm(row.highQuality, 1)} | ${pm(row.reverseKl, 3)} | ${row.allModesEverySeed ? 'yes' : 'no'} | ${row.seeds.length} | ${row.steps} | ${row.msPerStep.toFixed(1)} |`,
  );
  const published = (PUBLISHED_ROWS[dataset] ?? []).map(
    (row) => `| ${row.method} (published, ${row.source}) | ${row.modesCaptured} | ${row.highQuality} | ${row.reverseKl ?? '—'} | — | — | — | — |`,
  );
  return [
    `## ${DATASET_TITLES[dataset] ?? dataset}`,
    '',
    'Protocol (PacGAN\'s public code, computed by `modeMetrics` of @genzoo/metrics): 2,500 samples; a sample is high quality within 3σ of its nearest mode; a mode is captured with at least one high-quality sample; reverse KL of the high-quality mode histogram against the uniform one. Mean ± standard error over seeds.',
    '',
    header,
    '|---|---|---|---|---|---|---|---|',
    ...ours,
    ...published,
    '',
  ].join('\n');
}
