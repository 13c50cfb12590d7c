import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/platform/errors.js';
import { answer, clientFor, startServer, type FixtureServer } from './harness.js';

let server: FixtureServer;
let busyAnswers = 0;
let flakyAnswers = 0;

beforeAll(async () => {
  server = await startServer({
    '/slow': (_request, response) => {
      setTimeout(() => response.writeHead(200).end('done'), 60);
    },
    '/busy': (_request, response) => {
      busyAnswers += 1;
      if (busyAnswers === 1) response.writeHead(429, { 'retry-after': '7' }).end();
      else if (busyAnswers === 2)
        response.writeHead(503, { 'retry-after': 'Fri, 03 May 2024 04:00:10 GMT' }).end();
      else response.writeHead(200).end('finally');
    },
    '/closed-for-long': answer(429, '', { 'retry-after': '3600' }),
    '/always-503': answer(503),
    '/flaky': (request, response) => {
      flakyAnswers += 1;
      if (flakyAnswers === 1) request.socket.destroy();
      else response.writeHead(200).end('recovered');
    },
  });
});

afterAll(async () => {
  await server.close();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the fetch to fail');
}

describe('per-host limits', () => {
  it('keeps at most perHostConcurrency requests in flight to one host', async () => {
    const { client } = clientFor(server, { perHostConcurrency: 2 });
    const before = server.seen.length;
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => client.fetch(`${server.origin}/slow`, { ignoreRobots: true })),
    );
    expect(responses.map((response) => response.body.toString())).toEqual(Array(6).fill('done'));
    expect(server.seen.length - before).toBe(6);
    expect(server.inFlight.max).toBe(2);
    await client.close();
  });

  it('spaces request starts to one host by perHostMinIntervalMs', async () => {
    const { client, waits } = clientFor(server, { perHostMinIntervalMs: 1_000, perHostConcurrency: 1 });
    for (let i = 0; i < 3; i += 1) await client.fetch(`${server.origin}/slow`, { ignoreRobots: true });
    expect(waits).toEqual([1_000, 1_000]);
    await client.close();
  });
});

describe('retries', () => {
  it('waits for Retry-After (seconds, then an HTTP date) and succeeds', async () => {
    const { client, waits } = clientFor(server);
    const response = await client.fetch(`${server.origin}/busy`, { ignoreRobots: true });
    expect(response.body.toString()).toBe('finally');
    expect(waits).toEqual([7_000, 3_000]);
    await client.close();
  });

  it('fails at once with retryAfterMs when Retry-After is longer than the cap', async () => {
    const { client, waits } = clientFor(server);
    const error = await failure(client.fetch(`${server.origin}/closed-for-long`, { ignoreRobots: true }));
    expect(error.code).toBe('FETCH_HTTP_STATUS');
    expect(error.details).toMatchObject({ status: 429, retryAfterMs: 3_600_000 });
    expect(waits).toEqual([]);
    await client.close();
  });

  it('backs off exponentially and gives up after the retries', async () => {
    const { client, waits } = clientFor(server, { retries: 2, backoffBaseMs: 1_000, random: () => 0 });
    const before = server.seen.filter((request) => request.path === '/always-503').length;
    const error = await failure(client.fetch(`${server.origin}/always-503`, { ignoreRobots: true }));
    expect(error.details).toMatchObject({ status: 503 });
    expect(waits).toEqual([500, 1_000]);
    expect(server.seen.filter((request) => request.path === '/always-503').length - before).toBe(3);
    await client.close();
  });

  it('retries a dropped connection', async () => {
    const { client, waits } = clientFor(server, { random: () => 0 });
    const response = await client.fetch(`${server.origin}/flaky`, { ignoreRobots: true });
    expect(response.body.toString()).toBe('recovered');
    expect(waits).toEqual([500]);
    await client.close();
  });
});
