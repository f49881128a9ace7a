import { isGenzooError, type Generator } from '@genzoo/core';
import type { WebLoadOptions } from '../load-model.js';
import { loadModel } from '../load-model.js';
import { REMOTE_METHODS, transferablesOf, type MessagePortLike, type WireError, type WorkerRequest, type WorkerResponse } from './protocol.js';

function wireError(error: unknown): WireError {
  if (isGenzooError(error)) return { name: error.name, message: error.message, code: error.code };
  const message = error instanceof Error ? error.message : String(error);
  return { name: 'Error', message: message.split('\n')[0] ?? message, code: 'E_WORKER' };
}

/**
 * Runs generators for a page, inside a Web Worker: call it once in the worker's module, e.g.
 * `serveModels(self)`. The page talks to it through {@link loadModelInWorker}, so inference never blocks
 * the page's main thread.
 */
export function serveModels(scope: MessagePortLike, load: (url: string, options: WebLoadOptions) => Promise<Generator> = loadModel): void {
  const models = new Map<number, Generator>();
  let nextModel = 1;
  const reply = (response: WorkerResponse, transfer: Transferable[] = []) => scope.postMessage(response, transfer);

  scope.addEventListener('message', (event: MessageEvent) => {
    const request = event.data as WorkerRequest;
    void (async () => {
      try {
        if (request.kind === 'load') {
          const { cache, ...options } = request.options;
          const generator = await load(request.url, {
            ...options,
            cache: cache ?? true,
            onProgress: (progress) => reply({ id: request.id, kind: 'progress', progress }),
          });
          const model = nextModel++;
          models.set(model, generator);
          reply({ id: request.id, kind: 'loaded', model, manifest: generator.manifest, execution: await generator.execution() });
        } else if (request.kind === 'call') {
          const generator = models.get(request.model);
          if (!generator) throw new Error(`model handle ${request.model} is not loaded in this worker`);
          if (!(REMOTE_METHODS as readonly string[]).includes(request.method)) throw new Error(`unknown generator method "${request.method}"`);
          const method = generator[request.method] as (...args: unknown[]) => Promise<unknown>;
          const value = await method.apply(generator, request.args);
          reply({ id: request.id, kind: 'result', value }, transferablesOf(value));
        } else {
          await models.get(request.model)?.dispose();
          models.delete(request.model);
          reply({ id: request.id, kind: 'result', value: undefined });
        }
      } catch (error) {
        reply({ id: request.id, kind: 'error', error: wireError(error) });
      }
    })();
  });
}
