import Fastify, { type FastifyInstance } from 'fastify';
import { errorHandler, notFoundHandler } from './http-errors.js';
import { addIsolationHeaders } from './isolation-headers.js';
import type { Registry } from './model-registry.js';
import { NodeRuntime } from './node-runtime.js';
import { registerApiRoutes } from './routes/api-routes.js';
import { registerModelFileRoutes } from './routes/model-files.js';
import { registerStaticAssets, type StaticDirs } from './routes/static-assets.js';

export interface AppOptions extends StaticDirs {
  registry: Registry;
  /** Fastify log level; `silent` in tests. */
  logLevel?: string;
}

/** The gallery server, ready to `listen`. */
export async function buildApp({ registry, clientDir, ortDir, logLevel = 'warn' }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: logLevel },
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
  registerModelFileRoutes(app, registry);
  await registerStaticAssets(app, { clientDir, ortDir });
  return app;
}
