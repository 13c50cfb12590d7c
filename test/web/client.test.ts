/**
 * The console's API client against a real HTTP server on 127.0.0.1: JSON answers, the CSRF header on
 * writes only, error bodies turned into ApiErrors with the code and both texts, 401 reported to the shell,
 * unreadable answers, refused connections and timeouts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../web/src/api/client.js';
import { HttpClient, isApiError, queryString } from '../../web/src/api/client.js';

interface Seen {
  method: string;
  url: string;
  csrf: string | undefined;
  body: string;
}

const seen: Seen[] = [];

function answer(request: IncomingMessage, response: ServerResponse, body: string): void {
  seen.push({
    method: request.method ?? '',
    url: request.url ?? '',
    csrf: request.headers['x-csrf-token'] as string | undefined,
    body,
  });
  const send = (status: number, text: string, type = 'application/json') => {
    response.writeHead(status, { 'content-type': type });
    response.end(text);
  };
  if (request.url === '/ok') return send(200, JSON.stringify({ hello: '你好' }));
  if (request.url === '/echo') return send(200, body);
  if (request.url === '/conflict') {
    return send(
      409,
      JSON.stringify({
        error: {
          code: 'REPORT_STATE',
          message: 'report is issued',
          messageZh: '报告已签发',
          details: { id: 'r1' },
        },
      }),
    );
  }
  if (request.url === '/gone') {
    return send(
      401,
      JSON.stringify({
        error: { code: 'UNAUTHENTICATED', message: 'sign in', messageZh: '请登录', details: {} },
      }),
    );
  }
  if (request.url === '/html') return send(502, '<html>bad gateway</html>', 'text/html');
  if (request.url === '/slow') return void setTimeout(() => send(200, '{}'), 2_000);
  return send(404, '');
}

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => answer(request, response, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the console API client', () => {
  it('parses JSON and sends the CSRF token on writes only', async () => {
    const client = new HttpClient({ baseUrl });
    client.setCsrfToken('csrf-1');
    expect(await client.request<{ hello: string }>('GET', '/ok')).toEqual({ hello: '你好' });
    expect(await client.request('POST', '/echo', { a: 1 })).toEqual({ a: 1 });
    expect(seen.at(-2)?.csrf).toBeUndefined();
    expect(seen.at(-1)).toMatchObject({ method: 'POST', csrf: 'csrf-1', body: '{"a":1}' });
    client.setCsrfToken(null);
    await client.request('DELETE', '/echo');
    expect(seen.at(-1)?.csrf).toBeUndefined();
  });

  it('turns an error body into an ApiError with its code, status, details and both texts', async () => {
    const failure = await new HttpClient({ baseUrl })
      .request('PATCH', '/conflict', {})
      .catch((error: unknown) => error);
    expect(isApiError(failure)).toBe(true);
    const error = failure as ApiError;
    expect([error.code, error.status, error.details]).toEqual(['REPORT_STATE', 409, { id: 'r1' }]);
    expect(error.text('zh')).toBe('报告已签发');
    expect(error.text('en')).toBe('report is issued');
  });

  it('tells the shell when the session is gone', async () => {
    let told = 0;
    const client = new HttpClient({ baseUrl, onUnauthenticated: () => (told += 1) });
    await expect(client.request('GET', '/gone')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      status: 401,
    });
    expect(told).toBe(1);
  });

  it('names an unreadable answer, a refused connection and a timeout', async () => {
    await expect(new HttpClient({ baseUrl }).request('GET', '/html')).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
      status: 502,
    });
    const closed = new HttpClient({ baseUrl: 'http://127.0.0.1:1' });
    await expect(closed.request('GET', '/ok')).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
    const impatient = new HttpClient({ baseUrl, timeoutMs: 100 });
    const timeout = await impatient.request('GET', '/slow').catch((error: unknown) => error);
    expect(timeout).toMatchObject({ code: 'TIMEOUT' });
    expect((timeout as ApiError).text('zh')).toBe('服务器响应超时');
  });

  it('builds query strings without empty values and with lists joined', () => {
    expect(queryString({ a: 'x y', b: undefined, c: '', d: ['p', 'q'], e: [], f: 3 })).toBe(
      '?a=x+y&d=p%2Cq&f=3',
    );
    expect(queryString({})).toBe('');
  });
});
