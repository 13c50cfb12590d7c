/**
 * The HTTP surface: probes, error bodies (validation, unknown routes, bad JSON, large bodies, unexpected
 * errors), expression errors, the general rate limit, request ids and the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteTarget } from '../helpers/databases.js';
import { ApiClient, simpleParse, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken } from './seed.js';

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startServer(sqliteTarget, {
    api: { bodyLimitBytes: 4096 },
    parseSearchQuery: (query) => {
      if (query === 'boom') throw new Error('kaboom: internal detail');
      return simpleParse(query);
    },
  });
  const root = await seedRoot(server);
  api = new ApiClient(server.baseUrl, (await seedToken(server, root.user)).secret);
});

afterAll(async () => {
  await server.close();
});

describe('probes', () => {
  it('answers /healthz and /readyz with ok', async () => {
    const anonymous = new ApiClient(server.baseUrl);
    const health = await anonymous.get<{ status: string }>('/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await anonymous.get<{ status: string }>('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 503 while storage is not ready, /healthz still 200', async () => {
    const notReady = await startServer(sqliteTarget, { isReady: async () => false });
    try {
      const anonymous = new ApiClient(notReady.baseUrl);
      const ready = await anonymous.get<{ status: string }>('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: 'unavailable' });
      expect((await anonymous.get('/healthz')).status).toBe(200);
    } finally {
      await notReady.close();
    }
  });
});

describe('error bodies', () => {
  it('reports validation failures with the failing paths', async () => {
    const response = await api.post('/api/v1/sources', { name: '', kind: 'carrier-pigeon', color: 'red' });
    expect(response.status).toBe(400);
    const { error } = response.body;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.messageZh).toBe('请求参数校验失败');
    const paths = (error.details['issues'] as { path: string }[]).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.kind', 'body']));
  });

  it('reports query string failures with their paths', async () => {
    const response = await api.get('/api/v1/items?limit=500&kind=post,bogus&from=yesterday');
    expect(response.status).toBe(400);
    const paths = (response.body.error.details['issues'] as { path: string }[]).map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining(['querystring.limit', 'querystring.kind.1', 'querystring.from']),
    );
  });

  it('answers ROUTE_NOT_FOUND for unknown endpoints', async () => {
    const response = await api.get('/api/v1/nothing-here?x=1');
    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: 'no endpoint GET /api/v1/nothing-here',
      messageZh: '接口不存在',
      details: { method: 'GET', url: '/api/v1/nothing-here' },
      requestId: response.headers.get('x-request-id'),
    });
  });

  it('answers BAD_REQUEST for malformed JSON', async () => {
    const response = await api.request('POST', '/api/v1/sources', '{"name": ');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BAD_REQUEST');
  });

  it('answers PAYLOAD_TOO_LARGE over the body limit and stores nothing', async () => {
    const response = await api.post('/api/v1/sources', {
      name: 'big',
      kind: 'json',
      config: { padding: 'x'.repeat(5000) },
    });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const stored = await server.storage.sources.list({ unitIds: null }, {}, { limit: 10 });
    expect(stored.items.map((source) => source.name)).not.toContain('big');
  });

  it('answers INTERNAL for unexpected errors without leaking their message or stack', async () => {
    const response = await api.get('/api/v1/items?q=boom');
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe('INTERNAL');
    expect(JSON.stringify(response.body)).not.toMatch(/kaboom|\.ts:\d+|at /);
  });

  it('answers EXPRESSION_SYNTAX with the position for a bad search or scheme expression', async () => {
    const search = await api.get(`/api/v1/items?q=${encodeURIComponent('(a b')}`);
    expect(search.status).toBe(400);
    expect(search.body.error.code).toBe('EXPRESSION_SYNTAX');
    expect(search.body.error.details['position']).toBe(0);
    const scheme = await api.post('/api/v1/schemes', { name: 'bad', expression: 'x (y' });
    expect(scheme.status).toBe(400);
    expect(scheme.body.error.code).toBe('EXPRESSION_SYNTAX');
    expect(scheme.body.error.details['position']).toBe(2);
    const stored = await server.storage.schemes.list({ unitIds: null }, {}, { limit: 10 });
    expect(stored.items).toHaveLength(0);
  });

  it('echoes a request id, or makes one', async () => {
    const given = await api.request('GET', '/healthz', undefined, {
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const made = await api.get('/healthz');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f]{28}$/);
  });
});

describe('general rate limit', () => {
  it('answers RATE_LIMITED with Retry-After past the per-minute limit, but never for probes', async () => {
    const limited = await startServer(sqliteTarget, { api: { rateLimitPerMinute: 3 } });
    try {
      const anonymous = new ApiClient(limited.baseUrl);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await anonymous.get('/api/v1/units')).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const over = await anonymous.get('/api/v1/units');
      expect(over.body.error.code).toBe('RATE_LIMITED');
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await anonymous.get('/healthz')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('OpenAPI', () => {
  it('lists every resource route with its methods and schemas', async () => {
    const response = await new ApiClient(server.baseUrl).get<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    }>('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    const { paths } = response.body;
    const expected: Record<string, string[]> = {
      '/api/v1/session': ['post', 'get', 'delete'],
      '/api/v1/units': ['get', 'post'],
      '/api/v1/units/{id}': ['get', 'patch', 'delete'],
      '/api/v1/users': ['get', 'post'],
      '/api/v1/users/{id}': ['get', 'patch'],
      '/api/v1/users/{id}/password': ['post'],
      '/api/v1/users/{id}/sessions/revoke': ['post'],
      '/api/v1/tokens': ['get', 'post'],
      '/api/v1/tokens/{id}': ['delete'],
      '/api/v1/sources': ['get', 'post'],
      '/api/v1/sources/{id}': ['get', 'patch', 'delete'],
      '/api/v1/items': ['get'],
      '/api/v1/items/{id}': ['get'],
      '/api/v1/schemes': ['get', 'post'],
      '/api/v1/schemes/{id}': ['get', 'patch', 'delete'],
      '/api/v1/audit': ['get'],
      '/healthz': ['get'],
      '/readyz': ['get'],
    };
    for (const [path, methods] of Object.entries(expected)) {
      expect(Object.keys(paths[path] ?? {}).sort(), path).toEqual([...methods].sort());
    }
    expect(Object.keys(response.body.components.schemas)).toEqual(
      expect.arrayContaining(['Unit', 'User', 'Source', 'Item', 'Scheme', 'AuditEntry', 'Error']),
    );
    expect(JSON.stringify(paths['/api/v1/items'])).toContain('originalsOnly');
  });
});
