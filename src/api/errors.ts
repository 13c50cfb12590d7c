/**
 * Turning every failure into the one error body `{ error: { code, message, messageZh, details, requestId } }`:
 * AppErrors as they are, schema failures as VALIDATION_FAILED with the failing paths, Fastify's own
 * errors by their codes, and anything unexpected as INTERNAL without a stack trace. Every answered error is
 * counted by its code.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorResponse } from '../contract/index.js';
import { AppError, ERROR_CODES, isAppError } from '../platform/errors.js';
import type { MetricsRecorder } from '../platform/metrics/index.js';

/** The error body for `error`, with the request id when known (so a user can quote it to support). */
export function errorBody(error: AppError, requestId?: string): ErrorResponse {
  return {
    error: {
      code: error.code,
      message: error.message,
      messageZh: ERROR_CODES[error.code].zh,
      details: error.details,
      ...(requestId !== undefined && { requestId }),
    },
  };
}

/** One failing field of a request. */
interface ValidationIssue {
  path: string;
  message: string;
  code: string;
}

function validationIssues(error: FastifyError): ValidationIssue[] {
  const part = error.validationContext ?? 'request';
  return (error.validation ?? []).map((issue) => ({
    path: `${part}${issue.instancePath.replace(/\//g, '.')}`.replace(/\.$/, ''),
    message: issue.message ?? 'invalid',
    code: issue.keyword,
  }));
}

/** Fastify errors (by code) that are the client's fault, and the stable code they answer with. */
const FASTIFY_CODES: Record<string, AppError['code']> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
};

/** The AppError that answers `error`, or null when it is unexpected (a bug or an outage). */
export function toAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = validationIssues(error as FastifyError);
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return new AppError('VALIDATION_FAILED', `request validation failed: ${summary}`, { issues });
  }
  const fastifyError = error as Partial<FastifyError>;
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return new AppError(mapped, fastifyError.message, {});
  if (fastifyError.statusCode === 429) return new AppError('RATE_LIMITED', undefined, {});
  return null;
}

/** Fastify's error and not-found handlers, counting what they answer in `metrics`. */
export interface ErrorHandlers {
  /** Logs and answers with the error body. */
  onError(error: unknown, request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** ROUTE_NOT_FOUND naming the method and path. */
  onNotFound(request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

/** Builds the handlers over the process's metrics. */
export function errorHandlers(metrics: MetricsRecorder): ErrorHandlers {
  return {
    async onError(error, request, reply) {
      const appError = toAppError(error);
      if (appError === null) {
        request.log.error({ err: error }, 'unexpected error');
        metrics.errorCounted('INTERNAL', 'api');
        const internal = new AppError('INTERNAL', 'internal server error', {});
        await reply.code(500).send(errorBody(internal, request.id));
        return;
      }
      if (appError.status >= 500) request.log.error({ err: error }, appError.message);
      else request.log.info({ code: appError.code }, appError.message);
      metrics.errorCounted(appError.code, 'api');
      const retryAfter = appError.details['retryAfterSeconds'];
      if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
      await reply.code(appError.status).send(errorBody(appError, request.id));
    },
    async onNotFound(request, reply) {
      const path = request.url.split('?')[0];
      const error = new AppError('ROUTE_NOT_FOUND', `no endpoint ${request.method} ${path}`, {
        method: request.method,
        url: path,
      });
      metrics.errorCounted(error.code, 'api');
      await reply.code(404).send(errorBody(error, request.id));
    },
  };
}
