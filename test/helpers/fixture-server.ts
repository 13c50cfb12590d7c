/**
 * A real HTTP server on 127.0.0.1 that serves a route table of fixtures, for tests of source kinds and the
 * HTTP client. Routes match on the path with its query string first, then on the bare path; unknown paths
 * answer 404. Every request is counted per path and kept, so tests can check conditional GET headers.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One fixture answer. A function route can vary its answer with the request (conditional GET). */
export interface FixtureResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Wait this long before answering. */
  delayMs?: number;
}

/** The request a function route sees. */
export interface FixtureRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

/** A route: a fixed answer or one computed from the request. */
export type FixtureRoute = FixtureResponse | ((request: FixtureRequest) => FixtureResponse);

/** A running fixture server. */
export interface FixtureServer {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  origin: string;
  /** `origin + path`. */
  url(path: string): string;
  /** Requests seen for a path (with its query string, as requested). */
  count(path: string): number;
  /** Every request seen, in order. */
  requests: FixtureRequest[];
  /** Adds or replaces routes while running. */
  set(routes: Record<string, FixtureRoute>): void;
  close(): Promise<void>;
}

function answerFor(route: FixtureRoute | undefined, request: FixtureRequest): FixtureResponse {
  if (!route) return { status: 404, body: 'not found' };
  return typeof route === 'function' ? route(request) : route;
}

/** Starts a fixture server on an ephemeral port of 127.0.0.1. */
export async function startFixtureServer(
  initialRoutes: Record<string, FixtureRoute> = {},
): Promise<FixtureServer> {
  const routes = new Map(Object.entries(initialRoutes));
  const counts = new Map<string, number>();
  const requests: FixtureRequest[] = [];
  const server: Server = createServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://127.0.0.1');
    const full = target.pathname + target.search;
    const request: FixtureRequest = { path: full, query: target.searchParams, headers: req.headers };
    requests.push(request);
    counts.set(full, (counts.get(full) ?? 0) + 1);
    const answer = answerFor(routes.get(full) ?? routes.get(target.pathname), request);
    const send = (): void => {
      res.writeHead(answer.status ?? 200, answer.headers ?? {});
      res.end(answer.body ?? '');
    };
    if (answer.delayMs) setTimeout(send, answer.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => origin + path,
    count: (path) => counts.get(path) ?? 0,
    requests,
    set(more) {
      for (const [path, route] of Object.entries(more)) routes.set(path, route);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
