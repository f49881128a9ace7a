#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isGenzooError } from '@genzoo/core';
import { writeLeaderboard } from './write-leaderboard.js';

/** `genzoo-leaderboard [models-folder] [--check]`: regenerates models/README.md and models/leaderboard.json. */
async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const positional = argv.filter((arg) => !arg.startsWith('--'));
  const unknown = argv.filter((arg) => arg.startsWith('--') && arg !== '--check');
  if (unknown.length > 0 || positional.length > 1) {
    console.error(`genzoo-leaderboard: usage: genzoo-leaderboard [models-folder] [--check] (got ${argv.join(' ')})`);
    return 2;
  }
  let modelsDir = positional[0] ? resolve(positional[0]) : undefined;
  for (let dir = process.cwd(); modelsDir === undefined; dir = dirname(dir)) {
    if (existsSync(join(dir, 'models'))) modelsDir = join(dir, 'models');
    else if (dirname(dir) === dir) {
      console.error('genzoo-leaderboard: no models/ folder here or above; name one');
      return 2;
    }
  }
  const changed = await writeLeaderboard(modelsDir, { check });
  const shown = changed.map((path) => relative(process.cwd(), path) || path);
  if (check) {
    if (changed.length > 0) console.error(`genzoo-leaderboard: out of date: ${shown.join(', ')}; run npm run leaderboard`);
    else console.log('leaderboard is up to date');
    return changed.length > 0 ? 1 : 0;
  }
  console.log(changed.length > 0 ? `wrote ${shown.join(', ')}` : 'leaderboard already up to date');
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`genzoo-leaderboard: ${isGenzooError(error) ? error.message : (error as Error).message.split('\n')[0]}`);
  process.exitCode = 1;
}
