import { readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseModelManifestText, type AnyManifest } from '@genzoo/core';
import { buildLeaderboard, type Leaderboard } from './build-leaderboard.js';
import { renderLeaderboardMarkdown } from './render-markdown.js';

/** The two generated files, relative to the models folder. */
export const LEADERBOARD_FILES = { json: 'leaderboard.json', markdown: 'README.md' } as const;

/** Reads every `<modelsDir>/<id>/manifest.json`, in id order; an invalid manifest is an error naming it. */
export async function readManifests(modelsDir: string): Promise<AnyManifest[]> {
  const entries = (await readdir(modelsDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const manifests: AnyManifest[] = [];
  for (const name of entries) {
    const path = join(modelsDir, name, 'manifest.json');
    if (existsSync(path)) manifests.push(parseModelManifestText(await readFile(path, 'utf8'), path));
  }
  return manifests;
}

/** The file contents the leaderboard should have for this models folder. */
export async function renderLeaderboard(modelsDir: string): Promise<{ board: Leaderboard; json: string; markdown: string }> {
  const board = buildLeaderboard(await readManifests(modelsDir));
  return { board, json: `${JSON.stringify(board, null, 2)}\n`, markdown: renderLeaderboardMarkdown(board) };
}

/**
 * Writes `leaderboard.json` and `README.md` into the models folder, or with `check` only reports which
 * are out of date. @returns the files that changed (or would change).
 */
export async function writeLeaderboard(modelsDir: string, { check = false } = {}): Promise<string[]> {
  const { json, markdown } = await renderLeaderboard(modelsDir);
  const changed: string[] = [];
  for (const [file, text] of [[LEADERBOARD_FILES.json, json], [LEADERBOARD_FILES.markdown, markdown]] as const) {
    const path = join(modelsDir, file);
    const current = await readFile(path, 'utf8').catch(() => undefined);
    if (current === text) continue;
    changed.push(path);
    if (!check) await writeFile(path, text);
  }
  return changed;
}
