import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { GenzooError } from '@genzoo/core';

/** `GET /api/leaderboard`: `models/leaderboard.json`, read on every request so a rerun of `npm run leaderboard` shows at once. */
export function registerLeaderboardRoute(app: FastifyInstance, leaderboardFile: string | undefined): void {
  app.get('/api/leaderboard', async (_request, reply) => {
    const text = leaderboardFile ? await readFile(leaderboardFile, 'utf8').catch(() => undefined) : undefined;
    if (text === undefined) {
      return reply.code(404).send({ error: 'no leaderboard: run `npm run leaderboard` to write models/leaderboard.json', code: 'E_NOT_FOUND' });
    }
    let leaderboard: unknown;
    try {
      leaderboard = JSON.parse(text);
    } catch (error) {
      throw new GenzooError(`${leaderboardFile} is not valid JSON: ${(error as Error).message}`, 'E_LEADERBOARD');
    }
    const datasets = (leaderboard as { datasets?: unknown } | null)?.datasets;
    if (!Array.isArray(datasets)) throw new GenzooError(`${leaderboardFile} has no "datasets" list`, 'E_LEADERBOARD');
    return reply.header('Cache-Control', 'no-cache').send(leaderboard);
  });
}
