/**
 * GET /metrics: the process's Prometheus metrics in the text exposition format, for scrapers on allowed
 * networks or with the metrics token (see `src/platform/metrics/access.ts`); anyone else gets 403. It sits
 * outside `/api/v1` and the OpenAPI document because it is an operations endpoint, not part of the API.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import type { Metrics, MetricsAccess, ScrapeRequest } from '../../platform/metrics/index.js';

/** The path scrapers read. */
export const METRICS_PATH = '/metrics';

/** What a scrape sends, as the access check sees it. */
export function scrapeRequestOf(request: {
  socket: { remoteAddress?: string | undefined };
  headers: Record<string, string | string[] | undefined>;
}): ScrapeRequest {
  const authorization = request.headers['authorization'];
  return {
    remoteAddress: request.socket.remoteAddress,
    authorization: typeof authorization === 'string' ? authorization : undefined,
    forwarded: request.headers['forwarded'] !== undefined || request.headers['x-forwarded-for'] !== undefined,
  };
}

/** The refusal of a scrape that is neither from an allowed network nor carries the token. */
export function metricsRefused(): AppError {
  return new AppError(
    'FORBIDDEN',
    'metrics are served to the networks in METRICS_ALLOW, or with "Authorization: Bearer <METRICS_TOKEN>"',
    {},
  );
}

/** Registers GET /metrics on the API. */
export function registerMetricsEndpoint(app: FastifyInstance, metrics: Metrics, access: MetricsAccess): void {
  app.get(METRICS_PATH, { schema: { hide: true } }, async (request: FastifyRequest, reply) => {
    if (!access(scrapeRequestOf(request.raw))) throw metricsRefused();
    const text = await metrics.render();
    return reply.header('content-type', metrics.contentType).header('cache-control', 'no-store').send(text);
  });
}
