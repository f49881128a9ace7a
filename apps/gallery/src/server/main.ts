import { join } from 'node:path';
import { buildApp } from './app.js';
import { HelpRequested, parseCliOptions } from './cli-options.js';
import { findLeaderboard } from './leaderboard-file.js';
import { modelLocations, scanModels } from './model-registry.js';
import { clientDir, ortWasmDir, repoRoot } from './paths.js';

async function main(): Promise<void> {
  const { port, host } = parseCliOptions(process.argv.slice(2), process.env);
  const locations = modelLocations(process.env, join(repoRoot, 'models'));
  const registry = scanModels(locations);
  for (const line of registry.skipped) console.warn(`skipped ${line}`);
  if (registry.models.size === 0) console.warn('no models found: train one, or point GENZOO_MODELS at model folders');

  const app = await buildApp({ registry, leaderboardFile: findLeaderboard(locations), clientDir, ortDir: ortWasmDir(), logLevel: process.env.LOG_LEVEL ?? 'warn' });
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`genzoo gallery: ${registry.models.size} model(s) at http://${host}:${actualPort}/`);

  const stop = (): void => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof HelpRequested) {
    console.log(error.message);
    process.exit(0);
  }
  console.error(`genzoo gallery: ${(error as Error).message ?? String(error)}`);
  process.exit(1);
});
