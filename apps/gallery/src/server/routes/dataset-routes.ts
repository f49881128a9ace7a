import type { FastifyInstance } from 'fastify';
import { MAX_SEED } from '@genzoo/core';
import { POINT_DATASET_NAMES, realPoints } from '../point-datasets.js';
import { MAX_POINTS, type PointsQuery } from './schemas.js';

/** `GET /api/datasets/:name/points.json`: real points of a 2-D training set, for plotting beside a model's samples. */
export function registerDatasetRoutes(app: FastifyInstance): void {
  const params = { type: 'object', required: ['name'], properties: { name: { type: 'string', enum: [...POINT_DATASET_NAMES] } } };
  const querystring = {
    type: 'object',
    additionalProperties: false,
    properties: {
      n: { type: 'integer', minimum: 1, maximum: MAX_POINTS, default: 1000 },
      seed: { type: 'integer', minimum: 0, maximum: MAX_SEED, default: 0 },
    },
  };
  app.get<{ Params: { name: string }; Querystring: PointsQuery }>(
    '/api/datasets/:name/points.json',
    { schema: { params, querystring } },
    async (request, reply) => reply.header('Cache-Control', 'max-age=3600').send(realPoints(request.params.name, request.query.n, request.query.seed)),
  );
}
