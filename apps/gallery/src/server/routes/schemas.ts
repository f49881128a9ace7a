import { MAX_SEED } from '@genzoo/core';

/** Largest grid the sample endpoint draws in one request. */
export const MAX_GRID = 256;

/** `:id` must name a registered model; an empty registry accepts no id at all. */
export function modelIdSchema(ids: readonly string[]): Record<string, unknown> {
  return ids.length > 0 ? { type: 'string', enum: [...ids] } : { type: 'string', not: {} };
}

export function sampleQuerySchema(): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      n: { type: 'integer', minimum: 1, maximum: MAX_GRID, default: 16 },
      seed: { type: 'integer', minimum: 0, maximum: MAX_SEED, default: 0 },
      truncation: { type: 'number', exclusiveMinimum: 0, maximum: 10 },
      // The range depends on the model (its label input), so the handler checks the upper bound.
      class: { type: 'integer', minimum: 0 },
    },
  };
}

/** Largest point set the points endpoint draws in one request (PacGAN's protocol uses 2,500). */
export const MAX_POINTS = 4096;

export function pointsQuerySchema(): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      n: { type: 'integer', minimum: 1, maximum: MAX_POINTS, default: 500 },
      seed: { type: 'integer', minimum: 0, maximum: MAX_SEED, default: 0 },
    },
  };
}

export interface PointsQuery {
  n: number;
  seed: number;
}

export interface SampleQuery {
  n: number;
  seed: number;
  truncation?: number;
  /** Class of every sample, for conditional models. */
  class?: number;
}

/** Largest upscaling the translate endpoint applies to its output (28 px × 16 = 448 px). */
export const MAX_TRANSLATE_SCALE = 16;

export function translateQuerySchema(): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      direction: { type: 'string', enum: ['a2b', 'b2a'], default: 'a2b' },
      scale: { type: 'integer', minimum: 1, maximum: MAX_TRANSLATE_SCALE, default: 1 },
    },
  };
}

export interface TranslateQuery {
  direction: 'a2b' | 'b2a';
  scale: number;
}

/** `:id` of the translate endpoint: any string, so an unknown model is a 404 (naming the translators served) rather than a schema error. */
export const translateIdSchema = { type: 'string', minLength: 1 } as const;
