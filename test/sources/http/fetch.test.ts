import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/platform/errors.js';
import { answer, clientFor, startServer, type FixtureServer } from './harness.js';

const PAGE = '<html><body>风向 news</body></html>';
const BIG = Buffer.alloc(64 * 1024, 'a');

let server: FixtureServer;
let redirectLoops = 0;

beforeAll(async () => {
  server = await startServer({
    '/page': answer(200, PAGE, { 'content-type': 'text/html; charset=utf-8', 'X-Custom': 'Yes' }),
    '/feed': (request, response) => {
      const tag = '"v1"';
      const modified = 'Fri, 03 May 2024 03:00:00 GMT';
      const fresh =
        request.headers['if-none-match'] === tag || request.headers['if-modified-since'] === modified;
      response.writeHead(fresh ? 304 : 200, { etag: tag, 'last-modified': modified });
      response.end(fresh ? '' : '<rss/>');
    },
    '/gzip': answer(200, gzipSync(PAGE), { 'content-encoding': 'gzip' }),
    '/deflate': answer(200, deflateSync(PAGE), { 'content-encoding': 'deflate' }),
    '/deflate-raw': answer(200, deflateRawSync(PAGE), { 'content-encoding': 'deflate' }),
    '/br': answer(200, brotliCompressSync(PAGE), { 'content-encoding': 'br' }),
    '/bomb': answer(200, gzipSync(BIG), { 'content-encoding': 'gzip' }),
    '/big-declared': answer(200, BIG),
    '/big-chunked': (_request, response) => {
      response.writeHead(200, { 'transfer-encoding': 'chunked' });
      for (let i = 0; i < 16; i += 1) response.write(BIG.subarray(0, 4096));
      response.end();
    },
    '/moved': answer(301, '', { location: 'page' }),
    '/see-other': answer(303, '', { location: '/post-target' }),
    '/post-target': (request, response) => {
      response.writeHead(200).end(`method ${request.method ?? ''}`);
    },
    '/loop': (_request, response) => {
      redirectLoops += 1;
      response.writeHead(302, { location: `/loop?n=${redirectLoops}` }).end();
    },
    '/missing': answer(404, 'nope'),
    '/silent': () => undefined,
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

describe('fetching', () => {
  it('sends our User-Agent and Accept-Encoding and returns the body with lower-cased headers', async () => {
    const { client } = clientFor(server);
    const response = await client.fetch(`${server.origin}/page`, { headers: { 'Accept-Language': 'zh-CN' } });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe(PAGE);
    expect(response.headers['x-custom']).toBe('Yes');
    expect(response.contentType).toBe('text/html; charset=utf-8');
    expect(response.notModified).toBe(false);
    expect(response.url).toBe(`${server.origin}/page`);
    // Measured with the injected clock, which these tests never move during a plain fetch.
    expect(response.durationMs).toBe(0);
    const seen = server.seen.find((request) => request.path === '/page');
    expect(seen?.headers['user-agent']).toBe(
      'Fengxiang/9.9 (+https://example.org/contact; public-opinion monitoring)',
    );
    expect(seen?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(seen?.headers['accept-language']).toBe('zh-CN');
    await client.close();
  });

  it('sends the validators and reports 304 as notModified with an empty body', async () => {
    const { client } = clientFor(server);
    const first = await client.fetch(`${server.origin}/feed`);
    expect(first).toMatchObject({ status: 200, etag: '"v1"', lastModified: 'Fri, 03 May 2024 03:00:00 GMT' });
    const byTag = await client.fetch(`${server.origin}/feed`, { etag: first.etag });
    expect(byTag).toMatchObject({ status: 304, notModified: true });
    expect(byTag.body.length).toBe(0);
    const byDate = await client.fetch(`${server.origin}/feed`, { lastModified: first.lastModified });
    expect(byDate.notModified).toBe(true);
    const sent = server.seen.filter((request) => request.path === '/feed').map((request) => request.headers);
    expect(sent[1]?.['if-none-match']).toBe('"v1"');
    expect(sent[2]?.['if-modified-since']).toBe('Fri, 03 May 2024 03:00:00 GMT');
    await client.close();
  });

  it.each(['/gzip', '/deflate', '/deflate-raw', '/br'])('decompresses %s bodies', async (path) => {
    const { client } = clientFor(server);
    const response = await client.fetch(`${server.origin}${path}`);
    expect(response.body.toString()).toBe(PAGE);
    await client.close();
  });

  it.each(['/big-declared', '/big-chunked', '/bomb'])('refuses %s above maxBytes', async (path) => {
    const { client } = clientFor(server, { maxBytes: 32 * 1024 });
    const error = await failure(client.fetch(`${server.origin}${path}`));
    expect(error.code).toBe('FETCH_TOO_LARGE');
    expect(error.message).toContain(path);
    await client.close();
  });

  it('takes the per-request maxBytes over the client default', async () => {
    const { client } = clientFor(server);
    const error = await failure(client.fetch(`${server.origin}/page`, { maxBytes: 10 }));
    expect(error.code).toBe('FETCH_TOO_LARGE');
    await client.close();
  });

  it('follows a relative redirect and reports the final URL', async () => {
    const { client } = clientFor(server);
    const response = await client.fetch(`${server.origin}/moved`);
    expect(response.url).toBe(`${server.origin}/page`);
    expect(response.body.toString()).toBe(PAGE);
    await client.close();
  });

  it('turns a POST into a GET after 303', async () => {
    const { client } = clientFor(server);
    const response = await client.fetch(`${server.origin}/see-other`, { method: 'POST', body: '{"page":2}' });
    expect(response.body.toString()).toBe('method GET');
    expect(server.seen.find((request) => request.path === '/see-other')?.body).toBe('{"page":2}');
    await client.close();
  });

  it('stops after maxRedirects with FETCH_TOO_MANY_REDIRECTS', async () => {
    const { client } = clientFor(server, { maxRedirects: 3 });
    const before = redirectLoops;
    const error = await failure(client.fetch(`${server.origin}/loop`));
    expect(error.code).toBe('FETCH_TOO_MANY_REDIRECTS');
    expect(error.details).toMatchObject({ maxRedirects: 3 });
    expect(redirectLoops - before).toBe(4);
    await client.close();
  });

  it('reports a non-2xx answer as FETCH_HTTP_STATUS with the status', async () => {
    const { client } = clientFor(server);
    const error = await failure(client.fetch(`${server.origin}/missing`));
    expect(error.code).toBe('FETCH_HTTP_STATUS');
    expect(error.details).toMatchObject({ status: 404, url: `${server.origin}/missing` });
    await client.close();
  });

  it('times out on a server that never answers', async () => {
    const { client } = clientFor(server, { timeoutMs: 200 });
    const error = await failure(client.fetch(`${server.origin}/silent`));
    expect(error.code).toBe('FETCH_TIMEOUT');
    expect(error.details).toMatchObject({ timeoutMs: 200 });
    await client.close();
  });

  it("stops when the caller's signal aborts", async () => {
    const { client } = clientFor(server);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(client.fetch(`${server.origin}/silent`, { signal: controller.signal }));
    expect(error.code).toBe('FETCH_TIMEOUT');
    expect(error.details).toMatchObject({ aborted: true });
    await client.close();
  });

  it('reports a refused connection as FETCH_FAILED with the cause', async () => {
    const closed = await startServer({});
    const { client } = clientFor(closed, { retries: 1 });
    await closed.close();
    const error = await failure(client.fetch(`${closed.origin}/page`, { ignoreRobots: true }));
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.message).toMatch(/ECONNREFUSED/);
    await client.close();
  });

  it('refuses a malformed URL', async () => {
    const { client } = clientFor(server);
    const error = await failure(client.fetch('not a url'));
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.details).toMatchObject({ reason: 'invalid-url' });
    await client.close();
  });
});
