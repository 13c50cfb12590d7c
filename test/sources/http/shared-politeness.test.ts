/**
 * Per-host politeness shared across processes through Redis: two clients with separate in-process state
 * (as two worker processes have) against one fixture server on 127.0.0.1 keep the host's spacing and
 * concurrency between them; a slot left by a process that died expires; and without Redis the client
 * falls back to its own limits, with a warning, instead of failing. Needs FENGXIANG_TEST_REDIS_URL.
 */
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
} from '../../../src/sources/http/index.js';
import { testRedisUrl } from '../../helpers/databases.js';
import { deleteKeys, testPrefix } from '../../jobs/redis-prefix.js';
import { startServer, type FixtureServer, type Route } from './harness.js';

const INTERVAL_MS = 200;
/**
 * What the arrival times may lose against the spacing of request starts: the time between the go from Redis
 * and the request reaching the server (event loop turns on a busy machine), which no limiter controls.
 * Without shared limits the same requests arrive a few milliseconds apart (the control test).
 */
const SLACK_MS = 20;

const redisUrl = testRedisUrl ?? '';
const servers: FixtureServer[] = [];
const clients: HttpClient[] = [];
const prefixes: string[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  for (const server of servers.splice(0)) await server.close();
  if (testRedisUrl !== null) await deleteKeys(redisUrl, prefixes.splice(0));
});

/** A server whose `/page` records when each request arrived, and `/slow` answers after 80 ms. */
async function timedServer(): Promise<{ server: FixtureServer; arrivals: number[] }> {
  const arrivals: number[] = [];
  const page: Route = (_request, response) => {
    arrivals.push(performance.now());
    response.writeHead(200).end('ok');
  };
  const slow: Route = (_request, response) => {
    setTimeout(() => response.writeHead(200).end('slow'), 80);
  };
  const server = await startServer({ '/page': page, '/slow': slow });
  servers.push(server);
  return { server, arrivals };
}

/** A client with its own in-process limiter; shared limits on `prefix` when given. */
function client(server: FixtureServer, prefix: string | null, options: HttpClientOptions = {}): HttpClient {
  const created = createHttpClient({
    allowedPrivateHosts: [server.allowance],
    perHostMinIntervalMs: INTERVAL_MS,
    perHostConcurrency: 2,
    ...(prefix === null ? {} : { sharedLimits: { redisUrl, keyPrefix: prefix } }),
    ...options,
  });
  clients.push(created);
  return created;
}

function newPrefix(): string {
  const prefix = testPrefix('politeness');
  prefixes.push(prefix);
  return prefix;
}

/** Each client fetches `path` `perClient` times at once; resolves when all are answered. */
async function burst(all: HttpClient[], url: string, perClient: number): Promise<void> {
  await Promise.all(
    all.flatMap((each) => Array.from({ length: perClient }, () => each.fetch(url, { ignoreRobots: true }))),
  );
}

function gaps(times: readonly number[]): number[] {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.slice(1).map((time, index) => time - (sorted[index] ?? time));
}

describe.skipIf(testRedisUrl === null)('politeness shared through Redis', () => {
  it('two clients with separate state space their requests to one host by the interval', async () => {
    const { server, arrivals } = await timedServer();
    const prefix = newPrefix();
    const pair = [
      client(server, prefix, { perHostConcurrency: 1 }),
      client(server, prefix, { perHostConcurrency: 1 }),
    ];
    // Open each client's connection first: the limiter spaces request starts, and a cold connection's
    // connect time would otherwise be counted in the first arrival.
    for (const each of pair) await each.fetch(`${server.origin}/page`, { ignoreRobots: true });
    arrivals.length = 0;
    await burst(pair, `${server.origin}/page`, 4);
    expect(arrivals).toHaveLength(8);
    expect(Math.min(...gaps(arrivals))).toBeGreaterThanOrEqual(INTERVAL_MS - SLACK_MS);
  });

  it('(control) the same clients without shared limits collide', async () => {
    const { server, arrivals } = await timedServer();
    await burst([client(server, null), client(server, null)], `${server.origin}/page`, 2);
    expect(Math.min(...gaps(arrivals))).toBeLessThan(INTERVAL_MS - SLACK_MS);
  });

  it('keeps the per-host concurrency across clients', async () => {
    const { server } = await timedServer();
    const prefix = newPrefix();
    const options = { perHostConcurrency: 1, perHostMinIntervalMs: 0 };
    await burst(
      [client(server, prefix, options), client(server, prefix, options)],
      `${server.origin}/slow`,
      3,
    );
    expect(server.seen).toHaveLength(6);
    expect(server.inFlight.max).toBe(1);
  });

  it('a slot held by a process that died expires, and requests go on', async () => {
    const { server } = await timedServer();
    const prefix = newPrefix();
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    try {
      const [seconds, micros] = await redis.time();
      const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
      await redis.zadd(`${prefix}:politeness:${server.allowance}:slots`, now + 400, 'dead-process-slot');
    } finally {
      redis.disconnect();
    }
    const started = performance.now();
    const answer = await client(server, prefix, { perHostConcurrency: 1 }).fetch(`${server.origin}/page`, {
      ignoreRobots: true,
    });
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('falls back to per-process limits, with a warning, when Redis cannot be reached', async () => {
    const { server, arrivals } = await timedServer();
    const warnings: string[] = [];
    const unreachable = createHttpClient({
      allowedPrivateHosts: [server.allowance],
      perHostMinIntervalMs: INTERVAL_MS,
      sharedLimits: { redisUrl: 'redis://127.0.0.1:1', keyPrefix: newPrefix(), callTimeoutMs: 200 },
      warn: (message) => warnings.push(message),
    });
    clients.push(unreachable);
    await burst([unreachable], `${server.origin}/page`, 3);
    expect(arrivals).toHaveLength(3);
    expect(warnings).toContain('shared politeness limits unavailable; using per-process limits');
    expect(Math.min(...gaps(arrivals))).toBeGreaterThanOrEqual(INTERVAL_MS - SLACK_MS);
  });
});
