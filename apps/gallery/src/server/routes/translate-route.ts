import type { FastifyError, FastifyInstance } from 'fastify';
import { InputError, imageInputOf, translationDirectionsOf } from '@genzoo/core';
import { errorHandler } from '../http-errors.js';
import type { Registry } from '../model-registry.js';
import type { NodeRuntime } from '../node-runtime.js';
import { headerSafe } from './api-routes.js';
import { translateIdSchema, translateQuerySchema, type TranslateQuery } from './schemas.js';

/** Image types the translate endpoint takes as its body. */
export const TRANSLATE_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
/**
 * Body limit of the translate endpoint alone (a phone photo fits): every other route keeps the server's
 * `BODY_LIMIT_BYTES` (app.ts). Larger uploads are refused with a 413 before they are read.
 */
export const TRANSLATE_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * `POST /api/models/:id/translate.png?direction=a2b|b2a&scale=1..16`: the body is a PNG, JPEG or WebP image of
 * any size (fitted inside the model's size on black, as `genzoo translate` does); the answer is the translation
 * as a PNG at the model's size times `scale`. Unknown models are a 404, models that cannot translate (in that
 * direction) a 400 naming the capability, other media types a 415, an empty or undecodable body a 400.
 */
export function registerTranslateRoute(app: FastifyInstance, registry: Registry, runtime: NodeRuntime): void {
  const translators = [...registry.models.values()].filter((model) => model.manifest.translation).map((model) => model.manifest.id);
  void app.register(async (scope) => {
    // Only this scope parses bodies, and only images: JSON, text or no type at all is a 415 here.
    scope.removeAllContentTypeParsers();
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        const given = request.headers['content-type'];
        const message = `${given ? `unsupported media type ${JSON.stringify(given)}` : 'the request has no Content-Type'}: send the image as ${TRANSLATE_MEDIA_TYPES.join(', ')}`;
        return reply.code(415).send({ error: message, code: 'E_MEDIA_TYPE' });
      }
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return reply.code(413).send({ error: `the image is larger than ${TRANSLATE_BODY_LIMIT_BYTES / (1024 * 1024)} MiB: send a smaller one`, code: 'E_TOO_LARGE' });
      }
      errorHandler(error, request, reply);
    });
    scope.addContentTypeParser([...TRANSLATE_MEDIA_TYPES], { parseAs: 'buffer', bodyLimit: TRANSLATE_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
    scope.post<{ Params: { id: string }; Querystring: TranslateQuery; Body: Buffer | undefined }>(
      '/api/models/:id/translate.png',
      {
        bodyLimit: TRANSLATE_BODY_LIMIT_BYTES,
        schema: { params: { type: 'object', required: ['id'], properties: { id: translateIdSchema } }, querystring: translateQuerySchema() },
      },
      async (request, reply) => {
        const model = registry.models.get(request.params.id);
        if (!model) {
          const served = translators.length > 0 ? `translators served here: ${translators.join(', ')}` : 'no translator is served here';
          return reply.code(404).send({ error: `no model ${JSON.stringify(request.params.id)}: ${served}`, code: 'E_NOT_FOUND' });
        }
        const { direction, scale } = request.query;
        // A model without this direction: core's CapabilityError names it and what the model can do instead.
        if (!translationDirectionsOf(model.manifest).includes(direction)) imageInputOf(model.manifest, direction);
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.byteLength === 0) {
          throw new InputError(`the request body is empty: send the image's bytes as ${TRANSLATE_MEDIA_TYPES.join(', ')}`);
        }
        const translated = await runtime.translate(model, body, direction, scale);
        const { runtime: runtimeName, provider } = translated.execution;
        return reply
          .type('image/png')
          .header('Cache-Control', 'no-store')
          .header('X-Genzoo-Runtime', runtimeName)
          .header('X-Genzoo-Provider', provider)
          .header('X-Genzoo-Execution', headerSafe(runtime.describe(translated.execution)))
          .header('X-Genzoo-Direction', direction)
          .header('X-Genzoo-Time-Ms', translated.runMs.toFixed(2))
          .header('Server-Timing', `decode;dur=${translated.decodeMs.toFixed(2)}, run;dur=${translated.runMs.toFixed(2)}, total;dur=${translated.totalMs.toFixed(2)}`)
          .send(Buffer.from(translated.bytes.buffer, translated.bytes.byteOffset, translated.bytes.byteLength));
      },
    );
  });
}
