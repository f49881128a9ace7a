import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Registry } from '../model-registry.js';
import { modelIdSchema } from './schemas.js';

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.onnx': 'application/octet-stream',
  '.png': 'image/png',
  '.md': 'text/markdown; charset=utf-8',
};

/**
 * `/models/:id/:file`: only the manifest and the files it names, so nothing else in (or above) a
 * model folder can be reached, whatever the path says.
 */
export function registerModelFileRoutes(app: FastifyInstance, registry: Registry): void {
  const params = {
    type: 'object',
    required: ['id', 'file'],
    properties: { id: modelIdSchema([...registry.models.keys()]), file: { type: 'string', pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]*$' } },
  };
  app.get<{ Params: { id: string; file: string } }>('/models/:id/:file', { schema: { params } }, async (request, reply) => {
    const { id, file } = request.params;
    const model = registry.models.get(id)!;
    if (!model.files.has(file)) {
      return reply.code(404).send({ error: `model "${id}" has no file "${file}" (it serves: ${[...model.files].join(', ')})`, code: 'E_NOT_FOUND' });
    }
    const found = await stat(join(model.folder, file)).catch(() => undefined);
    if (!found?.isFile()) {
      return reply.code(404).send({ error: `model "${id}" names ${file} in its manifest, but the file is missing`, code: 'E_NOT_FOUND' });
    }
    const type = TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
    return reply.header('Content-Type', type).sendFile(file, model.folder, { cacheControl: false });
  });
}
