import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isGenzooError } from '@genzoo/core';

/** The JSON body of every 4xx/5xx response. */
export interface ErrorBody {
  error: string;
  code: string;
}

interface SchemaIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** One line for the first schema issue, e.g. `n must be <= 256` or `unknown query parameter "sed"`. */
export function describeSchemaIssue(issue: SchemaIssue, context: string): string {
  const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const subject = field ? field : context;
  switch (issue.keyword) {
    case 'additionalProperties':
      return `unknown ${context} parameter "${String(issue.params.additionalProperty)}"`;
    case 'enum':
      return `${subject} must be one of ${(issue.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'not':
      // modelIdSchema's shape for an empty registry
      return `${subject} names no model: the gallery serves none (set GENZOO_MODELS or add models/)`;
    case 'pattern':
      return `${subject} must be a plain file name (letters, digits, ".", "_" and "-")`;
    case 'type':
      return `${subject} must be ${issue.params.type === 'integer' ? 'an integer' : `a ${String(issue.params.type)}`}`;
    default:
      return `${subject} ${issue.message ?? 'is invalid'}`;
  }
}

/** Turns Fastify schema failures into `{ error, code }` 400s, and GenzooErrors into 4xx with their one-line message. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.validation) {
    const issue = error.validation[0] as SchemaIssue | undefined;
    const context = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'request');
    const message = issue ? describeSchemaIssue(issue, context) : error.message;
    void reply.code(400).send({ error: `bad request: ${message}`, code: 'E_PARAM' } satisfies ErrorBody);
    return;
  }
  // FastifyError has the shape of a GenzooError, so narrow a copy typed `unknown`.
  const thrown: unknown = error;
  if (isGenzooError(thrown)) {
    const status = thrown.code === 'E_INPUT' || thrown.code === 'E_CAPABILITY' ? 400 : 500;
    if (status === 500) request.log.error(thrown);
    void reply.code(status).send({ error: thrown.message, code: thrown.code } satisfies ErrorBody);
    return;
  }
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  if (status >= 500) request.log.error(error);
  const message = status >= 500 ? 'internal server error' : error.message;
  void reply.code(status).send({ error: message, code: error.code ?? 'E_HTTP' } satisfies ErrorBody);
}

/** 404 for unknown routes, in the same JSON shape. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  void reply.code(404).send({ error: `no such resource: ${request.method} ${request.url.split('?')[0]}`, code: 'E_NOT_FOUND' } satisfies ErrorBody);
}
