import Fastify, { type FastifyInstance } from 'fastify';
import { errorHandler, notFoundHandler } from './http-errors.js';
import { addIsolationHeaders } from './isolation-headers.js';
import type { Registry } from './model-registry.js';
import { NodeRuntime } from './node-runtime.js';
import { registerApiRoutes } from './routes/api-routes.js';
import { registerDatasetRoutes } from './routes/dataset-routes.js';
import { registerLeaderboardRoute } from './routes/leaderboard-route.js';
import { registerModelFileRoutes } from './routes/model-files.js';
import { registerStaticAssets, type StaticDirs } from './routes/static-assets.js';
import { registerTranslateRoute } from './routes/translate-route.js';

export interface AppOptions extends StaticDirs {
  registry: Registry;
  /** `leaderboard.json`, when the model locations have one. */
  leaderboardFile?: string | undefined;
  /** Fastify log level; `silent` in tests, `info` logs every request as a JSON line. */
  logLevel?: string;
}

/**
 * Only the translate endpoint takes a body (an image, with its own larger limit, TRANSLATE_BODY_LIMIT_BYTES):
 * anywhere else anything larger than this is refused (413) before it is read.
 */
export const BODY_LIMIT_BYTES = 16 * 1024;
/** A request not answered within this is cut off (408), so a stuck client cannot hold a socket forever. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** The gallery server, ready to `listen`. */
export async function buildApp({ registry, leaderboardFile, clientDir, ortDir, logLevel = 'warn' }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // pino: one JSON line per log record, with request ids; LOG_LEVEL=info adds a line per request.
    logger: { level: logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionTimeout: REQUEST_TIMEOUT_MS,
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
    // Keep unknown query parameters so the schema can reject them instead of silently dropping them.
    ajv: { customOptions: { removeAdditional: false } },
  });
  const runtime = new NodeRuntime();
  app.addHook('onClose', () => runtime.close());
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  addIsolationHeaders(app);

  app.get('/health', async () => ({ status: 'ok', models: registry.models.size, uptimeS: Math.round(process.uptime()) }));
  registerApiRoutes(app, registry, runtime);
  registerTranslateRoute(app, registry, runtime);
  registerDatasetRoutes(app);
  registerLeaderboardRoute(app, leaderboardFile);
  registerModelFileRoutes(app, registry);
  await registerStaticAssets(app, { clientDir, ortDir });
  return app;
}
