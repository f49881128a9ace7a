import type { LeaderboardRow, LeaderboardTable } from './api.js';
import { el } from './dom.js';
import { formatFigure } from './metrics-format.js';

/** Column headings of the figures `genzoo eval` writes, with which way is better. */
const FIGURE_LABELS: Record<string, string> = {
  fid: 'FID ↓',
  kid: 'KID ↓',
  kidStd: 'KID std',
  inceptionScore: 'IS ↑',
  inceptionScoreStd: 'IS std',
  precision: 'precision ↑',
  recall: 'recall ↑',
  density: 'density',
  coverage: 'coverage ↑',
  memorizationDistanceRatio: 'memorization ratio',
  nearCopyRate: 'near-copy rate',
  heldOutLogDensity: 'held-out log-density ↑',
  modesCaptured: 'modes ↑',
  highQuality: 'high-quality ↑',
  reverseKl: 'reverse KL ↓',
  l1: 'L1 ↓',
  ssim: 'SSIM ↑',
  psnr: 'PSNR dB ↑',
  classAccuracy: 'class accuracy ↑',
  cycleL1A: 'cycle L1 a ↓',
  cycleL1B: 'cycle L1 b ↓',
};

/** Translators' figures are per direction (`ssimA2b`, `fidB2a`): the label of the measure, then the direction. */
const DIRECTION_SUFFIX = /^(.+?)(A2b|B2a)$/;

export function figureLabel(figure: string): string {
  const directed = DIRECTION_SUFFIX.exec(figure);
  if (directed) {
    const [label, better = ''] = (FIGURE_LABELS[directed[1]!] ?? directed[1]!).split(/ (?=[↑↓]$)/);
    return `${label} ${directed[2]!.toLowerCase()}${better ? ` ${better}` : ''}`;
  }
  return FIGURE_LABELS[figure] ?? figure;
}

/** Sorts rows by one figure (rows without it last); reference rows stay where the figure puts them. */
export function sortRows(rows: readonly LeaderboardRow[], figure: string, ascending: boolean): LeaderboardRow[] {
  return [...rows].sort((a, b) => {
    const [x, y] = [a.metrics[figure], b.metrics[figure]];
    if (x === undefined || y === undefined) return (x === undefined ? 1 : 0) - (y === undefined ? 1 : 0);
    return ascending ? x - y : y - x;
  });
}

/**
 * One dataset's table. Column headers are buttons that sort by that figure (`aria-sort` says how);
 * model names link to their model page when the gallery serves them.
 */
export function leaderboardTable(table: LeaderboardTable, figures: readonly string[], served: ReadonlySet<string>, title = table.dataset): HTMLElement {
  const shown = figures.filter((figure) => !/Std(A2b|B2a)?$/.test(figure) && table.rows.some((row) => row.metrics[figure] !== undefined));
  const tbody = el('tbody');
  const headers = new Map<string, HTMLTableCellElement>();
  let sort: { figure: string; ascending: boolean } | undefined;

  const renderRows = (rows: readonly LeaderboardRow[]): void => {
    tbody.replaceChildren(
      ...rows.map((row) => {
        const name = row.kind === 'model' && served.has(row.id) ? el('a', { href: `/model.html?model=${encodeURIComponent(row.id)}` }, row.name) : el('span', {}, row.name);
        const thumb = row.kind === 'model' && served.has(row.id) && row.thumbnail ? el('img', { src: `/models/${row.thumbnail}`, alt: '', width: 40, height: 40, loading: 'lazy' }) : '';
        return el(
          'tr',
          { class: row.kind, 'data-id': row.id },
          el('th', { scope: 'row' }, el('span', { class: 'row-name' }, thumb, name), el('span', { class: 'model-meta' }, row.family)),
          ...shown.map((figure) => el('td', {}, row.metrics[figure] === undefined ? '—' : formatFigure(row.metrics[figure], 3))),
          el('td', {}, row.n === undefined ? '—' : String(row.n)),
        );
      }),
    );
  };

  const headerFor = (figure: string): HTMLTableCellElement => {
    const button = el('button', { type: 'button', class: 'sort' }, figureLabel(figure));
    const cell = el('th', { scope: 'col', 'aria-sort': 'none' }, button);
    button.addEventListener('click', () => {
      const ascending = sort?.figure === figure ? !sort.ascending : !figureLabel(figure).includes('↑');
      sort = { figure, ascending };
      for (const [name, header] of headers) header.setAttribute('aria-sort', name === figure ? (ascending ? 'ascending' : 'descending') : 'none');
      renderRows(sortRows(table.rows, figure, ascending));
    });
    headers.set(figure, cell);
    return cell;
  };

  renderRows(table.rows);
  const headingId = `board-${table.dataset}`;
  return el(
    'section',
    { class: 'board', 'aria-labelledby': headingId },
    el('h2', { id: headingId }, title),
    el(
      'div',
      { class: 'table-scroll', tabIndex: 0, role: 'region', 'aria-labelledby': headingId },
      el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'model'), ...shown.map(headerFor), el('th', { scope: 'col' }, 'n'))), tbody),
    ),
  );
}
