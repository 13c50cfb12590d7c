/**
 * The metrics port of processes without the HTTP API (`fengxiang worker --metrics-port N`): a tiny node:http
 * server that answers GET /metrics with the same access rules as the API's endpoint, and nothing else.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { METRICS_PATH, metricsRefused, scrapeRequestOf } from '../api/handlers/metrics.js';
import { AppError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import type { Metrics, MetricsAccess } from '../platform/metrics/index.js';
import { metricsAccessOf, type Runtime } from './compose.js';

/** A running metrics server. */
export interface MetricsServer {
  /** The port it listens on (the one asked for, or the one the system chose for 0). */
  port: number;
  stop(): Promise<void>;
}

/** What the metrics server needs. */
export interface MetricsServerOptions {
  metrics: Metrics;
  access: MetricsAccess;
  host: string;
  port: number;
  logger: Logger;
}

/** A scrape that takes longer than this is cut off (the queue read is the slow part). */
const REQUEST_TIMEOUT_MS = 10_000;

/** Starts serving /metrics on `host:port`. */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    void answer(options, request, response);
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ port }, 'metrics served');
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The worker's metrics port: `--metrics-port` when given, else METRICS_PORT; 0 serves nothing (null).
 * A malformed port is VALIDATION_FAILED.
 */
export async function serveWorkerMetrics(
  runtime: Runtime,
  portOption: string | undefined,
): Promise<MetricsServer | null> {
  const port = portOption === undefined ? runtime.config.metricsPort : Number(portOption);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError(
      'VALIDATION_FAILED',
      `worker: --metrics-port must be a port number, not "${portOption}"`,
    );
  }
  if (port === 0) return null;
  return startMetricsServer({
    metrics: runtime.metrics,
    access: metricsAccessOf(runtime.config),
    host: runtime.config.host,
    port,
    logger: runtime.logger,
  });
}

async function answer(
  options: MetricsServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = (request.url ?? '').split('?')[0];
  if (path !== METRICS_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) {
    sendJson(response, 404, { error: { code: 'ROUTE_NOT_FOUND', message: `only GET ${METRICS_PATH}` } });
    return;
  }
  if (!options.access(scrapeRequestOf(request))) {
    const refused = metricsRefused();
    sendJson(response, refused.status, { error: { code: refused.code, message: refused.message } });
    return;
  }
  try {
    const text = await options.metrics.render();
    response.writeHead(200, { 'content-type': options.metrics.contentType, 'cache-control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : text);
  } catch (error) {
    options.logger.error({ err: error }, 'metrics could not be rendered');
    sendJson(response, 500, { error: { code: 'INTERNAL', message: 'metrics could not be rendered' } });
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
