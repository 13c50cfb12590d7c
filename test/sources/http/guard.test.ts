import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/platform/errors.js';
import { createHttpClient } from '../../../src/sources/http/index.js';
import { answer, clientFor, startServer, type FixtureServer } from './harness.js';

let server: FixtureServer;
let other: FixtureServer;

beforeAll(async () => {
  other = await startServer({ '/secret': answer(200, 'internal') });
  server = await startServer({
    '/page': answer(200, 'public page'),
    '/to-ten': answer(302, '', { location: 'http://10.0.0.1/admin' }),
    '/to-v6-loopback': answer(302, '', { location: `http://[::1]:${other.port}/secret` }),
    '/to-localhost': answer(302, '', { location: `http://localhost:${other.port}/secret` }),
    '/to-other-port': answer(302, '', { location: `${other.origin}/secret` }),
    '/to-metadata': answer(307, '', { location: 'http://169.254.169.254/latest/meta-data/' }),
    '/to-file': answer(302, '', { location: 'file:///etc/passwd' }),
  });
});

afterAll(async () => {
  await Promise.all([server.close(), other.close()]);
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

describe('private-network guard', () => {
  it('refuses loopback by default, before connecting', async () => {
    const client = createHttpClient({ perHostMinIntervalMs: 0 });
    const error = await failure(client.fetch(`${server.origin}/page`));
    expect(error.code).toBe('FETCH_BLOCKED_ADDRESS');
    expect(error.details).toMatchObject({ address: '127.0.0.1' });
    expect(server.seen).toHaveLength(0);
    await client.close();
  });

  it.each([
    'http://localhost/',
    'http://[::1]/',
    'http://10.0.0.1/',
    'http://[::ffff:127.0.0.1]/',
    'http://0.0.0.0/',
  ])('refuses %s by default', async (url) => {
    const client = createHttpClient();
    expect((await failure(client.fetch(url))).code).toBe('FETCH_BLOCKED_ADDRESS');
    await client.close();
  });

  it.each(['file:///etc/passwd', 'ftp://example.org/x', 'data:text/plain,hi'])(
    'refuses the scheme of %s',
    async (url) => {
      const client = createHttpClient();
      const error = await failure(client.fetch(url));
      expect(error.code).toBe('FETCH_BLOCKED_ADDRESS');
      expect(error.details).toMatchObject({ reason: 'scheme' });
      await client.close();
    },
  );

  it('reaches a host named in allowedPrivateHosts', async () => {
    const { client } = clientFor(server);
    const response = await client.fetch(`${server.origin}/page`);
    expect(response.body.toString()).toBe('public page');
    await client.close();
  });

  it('reaches any private host when the request or the configuration allows private targets', async () => {
    const perRequest = createHttpClient({ perHostMinIntervalMs: 0 });
    expect((await perRequest.fetch(`${other.origin}/secret`, { allowPrivate: true })).status).toBe(200);
    await perRequest.close();
    const global = createHttpClient({ perHostMinIntervalMs: 0, allowPrivate: true });
    expect((await global.fetch(`http://localhost:${other.port}/secret`)).status).toBe(200);
    await global.close();
  });

  it.each([
    ['/to-ten', '10.0.0.1'],
    ['/to-v6-loopback', '::1'],
    ['/to-localhost', null],
    ['/to-other-port', '127.0.0.1'],
    ['/to-metadata', '169.254.169.254'],
  ])('refuses the redirect hop of %s from an allowed host', async (path, address) => {
    const { client } = clientFor(server);
    const before = other.seen.length;
    const error = await failure(client.fetch(`${server.origin}${path}`));
    expect(error.code).toBe('FETCH_BLOCKED_ADDRESS');
    if (address) expect(error.details).toMatchObject({ address });
    expect(other.seen.length).toBe(before);
    await client.close();
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const { client } = clientFor(server);
    const error = await failure(client.fetch(`${server.origin}/to-file`));
    expect(error.details).toMatchObject({ reason: 'scheme', url: 'file:///etc/passwd' });
    await client.close();
  });

  it('checks the address again at connect time (DNS rebinding)', async () => {
    const answers = [['93.184.216.34'], ['127.0.0.1']];
    const client = createHttpClient({
      perHostMinIntervalMs: 0,
      resolve: async () => answers.shift() ?? ['127.0.0.1'],
    });
    const error = await failure(
      client.fetch(`http://rebind.test:${server.port}/page`, { ignoreRobots: true }),
    );
    expect(error.code).toBe('FETCH_BLOCKED_ADDRESS');
    expect(error.details).toMatchObject({ host: 'rebind.test', address: '127.0.0.1' });
    expect(answers).toHaveLength(0);
    await client.close();
  });

  it('refuses a name when any of its addresses is private', async () => {
    const client = createHttpClient({ resolve: async () => ['93.184.216.34', '192.168.0.10'] });
    const error = await failure(client.fetch('http://mixed.test/'));
    expect(error.details).toMatchObject({ address: '192.168.0.10' });
    await client.close();
  });

  it('connects through the configured resolver for an allowed name', async () => {
    const client = createHttpClient({
      perHostMinIntervalMs: 0,
      allowedPrivateHosts: [`intranet.test:${server.port}`],
      resolve: async () => ['127.0.0.1'],
    });
    const response = await client.fetch(`http://intranet.test:${server.port}/page`);
    expect(response.body.toString()).toBe('public page');
    await client.close();
  });
});
