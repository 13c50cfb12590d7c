/**
 * Test harness for the HTTP client: a real node:http server on 127.0.0.1 (port 0) that answers from a route
 * table and records every request it saw, plus a sleep that only moves a manual clock.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '../../../src/platform/clock.js';
import { createHttpClient, type HttpClientOptions, type Sleep } from '../../../src/sources/http/index.js';

/** Answers one request. */
export type Route = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** A request as the server saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A running fixture server. */
export interface FixtureServer {
  port: number;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The allowance entry for this server: `127.0.0.1:PORT`. */
  allowance: string;
  seen: SeenRequest[];
  /** Requests being answered right now, and the most at once so far. */
  inFlight: { now: number; max: number };
  close(): Promise<void>;
}

/** Starts a server answering `routes` by path; unknown paths (robots.txt included) get 404. */
export async function startServer(routes: Record<string, Route>): Promise<FixtureServer> {
  const seen: SeenRequest[] = [];
  const inFlight = { now: 0, max: 0 };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      seen.push({
        method: request.method ?? '',
        path,
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      });
      inFlight.now += 1;
      inFlight.max = Math.max(inFlight.max, inFlight.now);
      response.on('close', () => {
        inFlight.now -= 1;
      });
      const route = routes[path.split('?')[0] ?? path];
      if (!route) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      void Promise.resolve(route(request, response)).catch(() => response.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    allowance: `127.0.0.1:${port}`,
    seen,
    inFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A sleep that records the waits and moves `clock` instead of waiting. */
export function fakeSleep(clock: ManualClock): { sleep: Sleep; waits: number[] } {
  const waits: number[] = [];
  const sleep: Sleep = async (ms, signal) => {
    signal?.throwIfAborted();
    waits.push(ms);
    clock.advance(ms);
  };
  return { sleep, waits };
}

/** A client allowed to reach `server` only, with no spacing and instant sleeps unless overridden. */
export function clientFor(server: FixtureServer, overrides: HttpClientOptions = {}) {
  const clock = new ManualClock(Date.parse('2024-05-03T04:00:00Z'));
  const { sleep, waits } = fakeSleep(clock);
  const client = createHttpClient({
    userAgent: 'Fengxiang/9.9 (+https://example.org/contact; public-opinion monitoring)',
    allowedPrivateHosts: [server.allowance],
    perHostMinIntervalMs: 0,
    clock,
    sleep,
    ...overrides,
  });
  return { client, clock, waits };
}

/** A route answering `status` with `body` and `headers`. */
export function answer(
  status: number,
  body: string | Buffer = '',
  headers: Record<string, string> = {},
): Route {
  return (_request, response) => {
    response.writeHead(status, headers).end(body);
  };
}
