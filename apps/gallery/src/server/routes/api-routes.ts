import type { FastifyInstance } from 'fastify';
import { InputError, capabilitiesOf, translationDirectionsOf, type Manifest } from '@genzoo/core';
import type { Registry, RegisteredModel } from '../model-registry.js';
import type { NodeRuntime } from '../node-runtime.js';
import { modelIdSchema, pointsQuerySchema, sampleQuerySchema, type PointsQuery, type SampleQuery } from './schemas.js';

/** HTTP header values must be Latin-1; runtime messages may not be. */
export function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 1000);
}

/** Class count of a conditional model (its generator has a one-hot `label` input); undefined otherwise. */
function classesOf(manifest: Manifest): number | undefined {
  const label = manifest.graphs.generator?.inputs.find((spec) => spec.role === 'label');
  return typeof label?.shape[1] === 'number' ? label.shape[1] : undefined;
}

/** The class of every sample in the grid, checked against the model; undefined lets the model cycle 0, 1, 2, … */
function labelsFor(manifest: Manifest, label: number | undefined, n: number): number[] | undefined {
  if (label === undefined) return undefined;
  const classes = classesOf(manifest);
  if (classes === undefined) throw new InputError(`${manifest.id} is not conditional: it takes no class`);
  if (label >= classes) throw new InputError(`class must be from 0 to ${classes - 1} for ${manifest.id}, got ${label}`);
  return new Array<number>(n).fill(label);
}

/** What the model list shows per model; the full manifest is one request away. */
function summary({ manifest, figures, samplesSize }: RegisteredModel): Record<string, unknown> {
  return {
    id: manifest.id,
    name: manifest.name,
    family: manifest.family,
    description: manifest.description,
    dataset: manifest.dataset.name,
    image: manifest.image,
    points: manifest.points,
    latent: manifest.latent,
    translation: manifest.translation,
    directions: manifest.translation ? translationDirectionsOf(manifest) : undefined,
    mixture: manifest.mixture && { components: manifest.mixture.components },
    classes: classesOf(manifest),
    capabilities: capabilitiesOf(manifest),
    metrics: manifest.metrics,
    files: {
      manifest: `/models/${manifest.id}/manifest.json`,
      samples: `/models/${manifest.id}/${manifest.files.samples}`,
      samplesSize,
      card: `/models/${manifest.id}/${manifest.files.card}`,
      figures: figures.map(({ caption, file, size }) => ({ caption, url: `/models/${manifest.id}/${file}`, size })),
    },
  };
}

/**
 * `/api/models`, `/api/models/:id`, `/api/models/:id/sample.png` (or `.webp`, `?class=` for conditional models) and
 * `/api/models/:id/points.json`; translate-route.ts adds `POST /api/models/:id/translate.png`.
 */
export function registerApiRoutes(app: FastifyInstance, registry: Registry, runtime: NodeRuntime): void {
  const ids = [...registry.models.keys()];
  const params = { type: 'object', required: ['id'], properties: { id: modelIdSchema(ids) } };
  const modelOf = (id: string) => registry.models.get(id)!;

  app.get('/api/models', async () => ({ models: [...registry.models.values()].map(summary) }));

  app.get<{ Params: { id: string } }>('/api/models/:id', { schema: { params } }, async (request) => modelOf(request.params.id).manifest);

  for (const format of ['png', 'webp'] as const) {
    app.get<{ Params: { id: string }; Querystring: SampleQuery }>(
      `/api/models/:id/sample.${format}`,
      { schema: { params, querystring: sampleQuerySchema() } },
      async (request, reply) => {
        const model = modelOf(request.params.id);
        const { n, seed, truncation, class: label } = request.query;
        const { latent, points } = model.manifest;
        if (truncation !== undefined && (points || latent?.distribution !== 'normal')) {
          const why = points ? 'draws points' : latent ? `draws ${latent.distribution} latents` : 'has no latent';
          throw new InputError(`truncation needs normal image latents; ${model.manifest.id} ${why}`);
        }
        const labels = labelsFor(model.manifest, label, n);
        const grid = await runtime.renderGrid(model, { n, seed, truncation, labels }, format);
        const { runtime: runtimeName, provider } = grid.execution;
        return reply
          .type(`image/${format}`)
          .header('Cache-Control', 'no-store')
          .header('X-Genzoo-Runtime', runtimeName)
          .header('X-Genzoo-Provider', provider)
          .header('X-Genzoo-Execution', headerSafe(runtime.describe(grid.execution)))
          .header('X-Genzoo-Time-Ms', grid.runMs.toFixed(2))
          .header('Server-Timing', `run;dur=${grid.runMs.toFixed(2)}, total;dur=${grid.totalMs.toFixed(2)}`)
          .send(Buffer.from(grid.bytes.buffer, grid.bytes.byteOffset, grid.bytes.byteLength));
      },
    );
  }

  app.get<{ Params: { id: string }; Querystring: PointsQuery }>(
    '/api/models/:id/points.json',
    { schema: { params, querystring: pointsQuerySchema() } },
    async (request, reply) => {
      const model = modelOf(request.params.id);
      if (!model.manifest.points) throw new InputError(`${model.manifest.id} draws images, not points: use /api/models/${model.manifest.id}/sample.png`);
      const { points, execution, runMs } = await runtime.samplePoints(model, request.query);
      const dims = points.dims[1]!;
      const rows = Array.from({ length: points.dims[0]! }, (_, row) => Array.from(points.data.subarray(row * dims, (row + 1) * dims)));
      return reply.header('Cache-Control', 'no-store').send({ points: rows, execution, description: runtime.describe(execution), timeMs: runMs });
    },
  );
}
