/**
 * Serving the console from Fastify on a real port: the "not built" page, known files with their cache
 * headers, the single-page fallback with the CSP, and /api paths left to the API's not-found answer.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP, CONSOLE_NOT_BUILT, packageRoot, registerConsole } from '../../src/api/console.js';

async function serve(dir: string): Promise<{ app: FastifyInstance; base: string }> {
  const app = Fastify();
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: { code: 'ROUTE_NOT_FOUND' } }));
  app.get('/api/v1/thing', async () => ({ api: true }));
  await registerConsole(app, { dir });
  return { app, base: await app.listen({ host: '127.0.0.1', port: 0 }) };
}

describe('serving the console', () => {
  const root = mkdtempSync(join(tmpdir(), 'fx-console-'));
  const built = join(root, 'dist');
  let withConsole: { app: FastifyInstance; base: string };
  let without: { app: FastifyInstance; base: string };

  beforeAll(async () => {
    mkdirSync(join(built, 'assets'), { recursive: true });
    writeFileSync(join(built, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(built, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    withConsole = await serve(built);
    without = await serve(join(root, 'missing'));
  });

  afterAll(async () => {
    await withConsole.app.close();
    await without.app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('finds the package root from the source tree', () => {
    expect(packageRoot()).toBe(process.cwd());
  });

  it('says how to build the console when it is missing', async () => {
    const response = await fetch(`${without.base}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(CONSOLE_NOT_BUILT);
    expect((await fetch(`${without.base}/reports`)).status).toBe(404);
  });

  it('serves hashed assets for a year and other files revalidated', async () => {
    const asset = await fetch(`${withConsole.base}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log(1)');
    const icon = await fetch(`${withConsole.base}/favicon.svg`);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers deep links with index.html under the CSP, and leaves /api alone', async () => {
    for (const path of ['/', '/reports/abc', '/assets/../../etc/passwd']) {
      const page = await fetch(`${withConsole.base}${path}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('<div id="root">');
    }
    expect(await (await fetch(`${withConsole.base}/api/v1/thing`)).json()).toEqual({ api: true });
    const unknown = await fetch(`${withConsole.base}/api/v1/nothing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'ROUTE_NOT_FOUND' } });
  });
});
