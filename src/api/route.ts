/**
 * How a route is declared in the route table: method, url, the permission it needs, its zod schemas and a
 * handler that receives already validated, typed input and the authenticated caller.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AuditActor, AuditEvent, Principal } from '../auth/index.js';
import type { Permission } from '../domain/index.js';
import { AppError } from '../platform/errors.js';
import type { ApiDeps } from './deps.js';

/** Who may call a route: anyone, any authenticated caller, or callers holding a permission. */
export type Access = 'public' | 'authenticated' | Permission;

/** What every handler gets besides its validated input. */
export interface RequestContext {
  deps: ApiDeps;
  /** The authenticated caller; throws UNAUTHENTICATED on public routes without one. */
  readonly principal: Principal;
  /** The caller for audit entries. */
  readonly actor: AuditActor;
  request: FastifyRequest;
  reply: FastifyReply;
  /** Appends an audit entry by the caller. */
  audit(event: AuditEvent): Promise<void>;
}

/** A handler's input: the context plus validated params, query string and body. */
export interface HandlerInput<P, Q, B> extends RequestContext {
  params: P;
  query: Q;
  body: B;
}

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

/** A route as written in the table, typed by its schemas. */
export interface RouteSpec<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  R extends Schema,
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  access: Access;
  summary: string;
  tag: string;
  /** The success status (200 unless given). */
  status?: 200 | 201;
  params?: P;
  querystring?: Q;
  body?: B;
  response: R;
  handler(input: HandlerInput<Out<P>, Out<Q>, Out<B>>): Promise<z.output<R>>;
}

/** A route with its types erased, as the app registers it. */
export interface ApiRoute {
  method: RouteSpec<undefined, undefined, undefined, Schema>['method'];
  url: string;
  access: Access;
  summary: string;
  tag: string;
  status: 200 | 201;
  schemas: { params?: Schema; querystring?: Schema; body?: Schema; response: Schema };
  run(context: RequestContext, input: { params: unknown; query: unknown; body: unknown }): Promise<unknown>;
}

/** Declares a route; the handler's input types follow from the schemas. */
export function defineRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema = Schema,
>(spec: RouteSpec<P, Q, B, R>): ApiRoute {
  return {
    method: spec.method,
    url: spec.url,
    access: spec.access,
    summary: spec.summary,
    tag: spec.tag,
    status: spec.status ?? 200,
    schemas: {
      ...(spec.params && { params: spec.params }),
      ...(spec.querystring && { querystring: spec.querystring }),
      ...(spec.body && { body: spec.body }),
      response: spec.response,
    },
    // Fastify has validated params, query and body against these very schemas before this runs.
    run: (context, input) =>
      spec.handler(withInput(context, input.params as Out<P>, input.query as Out<Q>, input.body as Out<B>)),
  };
}

/** The handler input; `principal` and `actor` stay getters (a spread would evaluate them). */
function withInput<P, Q, B>(context: RequestContext, params: P, query: Q, body: B): HandlerInput<P, Q, B> {
  return {
    deps: context.deps,
    request: context.request,
    reply: context.reply,
    audit: context.audit,
    get principal() {
      return context.principal;
    },
    get actor() {
      return context.actor;
    },
    params,
    query,
    body,
  };
}

/** The error for a route that needs a caller but has none. */
export function unauthenticated(): AppError {
  return new AppError('UNAUTHENTICATED', 'sign in or send an API token', {});
}
