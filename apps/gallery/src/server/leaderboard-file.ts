import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What `npm run leaderboard` writes into the models folder. */
export const LEADERBOARD_FILE = 'leaderboard.json';

/** The leaderboard of the first model location that has one (a folder of model folders); undefined when none does. */
export function findLeaderboard(locations: readonly string[]): string | undefined {
  return locations.map((location) => join(resolve(location), LEADERBOARD_FILE)).find((path) => existsSync(path));
}
