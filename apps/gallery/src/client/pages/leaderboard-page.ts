import { fetchLeaderboard, fetchModels } from '../api.js';
import { byId } from '../dom.js';
import { leaderboardTable } from '../leaderboard-table.js';

const status = byId<HTMLElement>('leaderboard-status');
const boards = byId<HTMLElement>('boards');

async function start(): Promise<void> {
  try {
    const [leaderboard, models] = await Promise.all([fetchLeaderboard(), fetchModels()]);
    const served = new Set(models.map((model) => model.id));
    const tables = [
      ...leaderboard.datasets.map((table) => leaderboardTable(table, leaderboard.figures, served)),
      ...(leaderboard.pointDatasets ?? []).map((table) => leaderboardTable(table, leaderboard.pointFigures ?? [], served)),
      ...(leaderboard.translationTables ?? []).map((table) => leaderboardTable(table, table.figures, served, table.title)),
    ];
    boards.replaceChildren(...tables);
    const rows = [...leaderboard.datasets, ...(leaderboard.pointDatasets ?? []), ...(leaderboard.translationTables ?? [])].reduce((sum, table) => sum + table.rows.length, 0);
    status.textContent = `${rows} rows over ${tables.length} tables. Column headers sort.`;
  } catch (error) {
    status.textContent = (error as Error).message;
    status.className = 'error';
  }
  document.body.dataset.ready = 'true';
}

void start();
