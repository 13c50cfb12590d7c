import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/platform/errors.js';
import { answer, clientFor, startServer, type FixtureServer, type Route } from './harness.js';

const ROBOTS = [
  'User-agent: *',
  'Disallow: /private/',
  '',
  'User-agent: Fengxiang',
  'Disallow: /no-bots/',
  'Crawl-delay: 5',
].join('\n');

let servers: FixtureServer[] = [];

async function serve(robots: Route): Promise<FixtureServer> {
  const server = await startServer({
    '/robots.txt': robots,
    '/news/1': answer(200, 'news'),
    '/no-bots/1': answer(200, 'hidden'),
    '/private/1': answer(200, 'private'),
  });
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
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

function hits(server: FixtureServer, path: string): number {
  return server.seen.filter((request) => request.path === path).length;
}

describe('robots.txt', () => {
  it('honours the group of our product token and fetches robots.txt once per origin', async () => {
    const server = await serve(answer(200, ROBOTS, { 'content-type': 'text/plain' }));
    const { client } = clientFor(server);
    expect((await client.fetch(`${server.origin}/news/1`)).body.toString()).toBe('news');
    const error = await failure(client.fetch(`${server.origin}/no-bots/1`));
    expect(error.code).toBe('FETCH_ROBOTS_DISALLOWED');
    expect(error.details).toMatchObject({ url: `${server.origin}/no-bots/1` });
    expect((await client.fetch(`${server.origin}/private/1`)).status).toBe(200);
    expect(hits(server, '/robots.txt')).toBe(1);
    expect(hits(server, '/no-bots/1')).toBe(0);
    expect(server.seen.find((request) => request.path === '/robots.txt')?.headers['user-agent']).toMatch(
      /^Fengxiang\//,
    );
    await client.close();
  });

  it('lets ignoreRobots override a disallow', async () => {
    const server = await serve(answer(200, 'User-agent: *\nDisallow: /\n'));
    const { client } = clientFor(server);
    expect((await failure(client.fetch(`${server.origin}/news/1`))).code).toBe('FETCH_ROBOTS_DISALLOWED');
    const response = await client.fetch(`${server.origin}/news/1`, { ignoreRobots: true });
    expect(response.body.toString()).toBe('news');
    await client.close();
  });

  it('raises the host spacing to the Crawl-delay', async () => {
    const server = await serve(answer(200, ROBOTS));
    const { client, waits } = clientFor(server);
    await client.fetch(`${server.origin}/news/1`);
    await client.fetch(`${server.origin}/news/1`);
    await client.fetch(`${server.origin}/news/1`);
    expect(waits).toEqual([5_000, 5_000]);
    await client.close();
  });

  it.each([404, 410, 403])('allows everything when robots.txt answers %d', async (status) => {
    const server = await serve(answer(status, 'gone'));
    const { client } = clientFor(server);
    expect((await client.fetch(`${server.origin}/private/1`)).status).toBe(200);
    await client.close();
  });

  it.each([500, 503, 429])(
    'disallows for a while when robots.txt answers %d, then asks again',
    async (status) => {
      let answers = 0;
      const server = await serve((_request, response) => {
        answers += 1;
        if (answers === 1) response.writeHead(status).end('down');
        else response.writeHead(200).end('User-agent: *\nAllow: /\n');
      });
      const { client, clock } = clientFor(server, { robotsErrorTtlMs: 60_000 });
      const error = await failure(client.fetch(`${server.origin}/news/1`));
      expect(error.code).toBe('FETCH_ROBOTS_DISALLOWED');
      expect(error.details).toMatchObject({ robots: 'disallow-all' });
      clock.advance(30_000);
      expect((await failure(client.fetch(`${server.origin}/news/1`))).code).toBe('FETCH_ROBOTS_DISALLOWED');
      clock.advance(31_000);
      expect((await client.fetch(`${server.origin}/news/1`)).status).toBe(200);
      expect(answers).toBe(2);
      await client.close();
    },
  );

  it('keeps using the previous copy when a refetch fails', async () => {
    let answers = 0;
    const server = await serve((_request, response) => {
      answers += 1;
      if (answers === 1) response.writeHead(200).end('User-agent: *\nDisallow: /private/\n');
      else response.writeHead(500).end();
    });
    const { client, clock } = clientFor(server, { robotsTtlMs: 1_000 });
    expect((await client.fetch(`${server.origin}/news/1`)).status).toBe(200);
    clock.advance(2_000);
    expect((await client.fetch(`${server.origin}/news/1`)).status).toBe(200);
    expect((await failure(client.fetch(`${server.origin}/private/1`))).code).toBe('FETCH_ROBOTS_DISALLOWED');
    expect(answers).toBe(2);
    await client.close();
  });

  it('re-checks robots.txt of the host a redirect leads to', async () => {
    const target = await serve(answer(200, 'User-agent: *\nDisallow: /news/\n'));
    const start = await startServer({ '/go': answer(302, '', { location: `${target.origin}/news/1` }) });
    servers.push(start);
    const { client } = clientFor(start, { allowedPrivateHosts: [start.allowance, target.allowance] });
    const error = await failure(client.fetch(`${start.origin}/go`));
    expect(error.code).toBe('FETCH_ROBOTS_DISALLOWED');
    expect(error.details).toMatchObject({ url: `${target.origin}/news/1` });
    expect(hits(target, '/news/1')).toBe(0);
    await client.close();
  });
});
