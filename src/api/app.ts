/**
 * The HTTP API as a Fastify instance, built from its dependencies by the CLI (`buildApi`). Registers
 * cookies, the general rate limit, OpenAPI generation, the error handlers, health and readiness, and the
 * route table with authentication, CSRF and permission checks in front of every handler.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { recordAudit, requirePermission, type Principal } from '../auth/index.js';
import { errorResponse, healthResponse } from '../contract/index.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { noMetrics } from '../platform/metrics/index.js';
import { findCaller, SESSION_COOKIE } from './authenticate.js';
import { registerConsole } from './console.js';
import type { ApiDeps } from './deps.js';
import { errorHandlers } from './errors.js';
import { registerMetricsEndpoint } from './handlers/metrics.js';
import { API_PREFIX, ROUTES } from './routes.js';
import { unauthenticated, type ApiRoute, type RequestContext } from './route.js';

export type { ApiDeps, ApiOptions } from './deps.js';

/** Paths that neither need credentials nor count against the rate limit. */
const PROBE_PATHS = new Set(['/healthz', '/readyz']);

/** A client-sent request id is kept when it looks like one; otherwise a fresh id is made. */
function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : newId();
}

/** Builds the API; the caller listens on it (or injects requests in tests). */
export async function buildApi(deps: ApiDeps): Promise<FastifyInstance> {
  const logger: FastifyBaseLogger = deps.logger;
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: deps.options.bodyLimitBytes,
    trustProxy: deps.options.trustProxy,
    genReqId: (raw) => requestIdOf(raw.headers['x-request-id']),
    // Open alert streams (SSE) would otherwise hold a shutdown until every console tab is closed.
    forceCloseConnections: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const metrics = deps.metrics ?? noMetrics;
  const errors = errorHandlers(metrics);
  app.setErrorHandler(errors.onError);
  app.setNotFoundHandler(errors.onNotFound);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequestServed(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.addContentTypeParser(
    ['application/x-ndjson', 'application/ndjson', 'application/jsonl'],
    { parseAs: 'string' },
    (_request, body, done) => done(null, body),
  );
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    max: deps.options.rateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (request) => PROBE_PATHS.has(request.url.split('?')[0] ?? ''),
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', `more than ${context.max} requests per minute`, {
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
  await registerOpenApi(app);
  registerProbes(app, deps);
  if (deps.metrics && deps.metricsAccess) registerMetricsEndpoint(app, deps.metrics, deps.metricsAccess);
  for (const route of ROUTES) registerRoute(app, deps, route);
  await registerConsole(app);
  return app;
}

async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Fengxiang (风向) API', version: '1' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token: Authorization: Bearer fx_…' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, async () => app.swagger());
}

function registerProbes(app: FastifyInstance, deps: ApiDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/healthz',
    { schema: { summary: 'The process is up', tags: ['health'], response: { 200: healthResponse } } },
    async () => ({ status: 'ok' as const }),
  );
  typed.get(
    '/readyz',
    {
      schema: {
        summary: 'Storage is ready',
        tags: ['health'],
        response: { 200: healthResponse, 503: healthResponse },
      },
    },
    async (_request, reply) => {
      const ready = await deps.isReady().catch(() => false);
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable' });
    },
  );
}

/** Authenticates the caller and checks the route's permission before the body is parsed. */
async function guard(deps: ApiDeps, route: ApiRoute, request: FastifyRequest): Promise<Principal | null> {
  if (route.access === 'public') return null;
  const caller = await findCaller(deps.auth, request);
  if (!caller) throw unauthenticated();
  if (route.access !== 'authenticated') requirePermission(caller, route.access);
  return caller;
}

function contextOf(
  deps: ApiDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  caller: Principal | null,
): RequestContext {
  const actor = { userId: caller?.user.id ?? null, ip: request.ip };
  return {
    deps,
    request,
    reply,
    get principal(): Principal {
      if (!caller) throw unauthenticated();
      return caller;
    },
    actor,
    audit: async (event) => {
      await recordAudit(deps.storage, deps.clock, actor, event);
    },
  };
}

function registerRoute(app: FastifyInstance, deps: ApiDeps, route: ApiRoute): void {
  const callers = new WeakMap<FastifyRequest, Principal | null>();
  app.withTypeProvider<ZodTypeProvider>().route({
    method: route.method,
    url: route.url,
    schema: {
      summary: route.summary,
      description: `Access: ${route.access}`,
      tags: [route.tag],
      ...(route.access === 'public' && { security: [] }),
      ...route.schemas,
      response: { [route.status]: route.schemas.response, '4xx': errorResponse, '5xx': errorResponse },
    },
    // preParsing: after the rate limit (an onRequest hook) and before the body is read.
    preParsing: async (request, _reply, payload) => {
      callers.set(request, await guard(deps, route, request));
      return payload;
    },
    handler: async (request, reply) => {
      const context = contextOf(deps, request, reply, callers.get(request) ?? null);
      const result = await route.run(context, {
        params: request.params,
        query: request.query,
        body: request.body,
      });
      return reply.code(route.status).send(result);
    },
  });
}
