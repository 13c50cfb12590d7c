/**
 * Serving the built web console (web/dist) from the API process, so `fengxiang serve` needs no separate web
 * server. Known files are served by exact path (hashed assets cached for a year, everything else
 * revalidated); any other GET outside /api is the single-page app's index.html, so deep links work. The API
 * keeps priority: its routes are more specific, and unknown /api paths still answer ROUTE_NOT_FOUND. When
 * the console has not been built, `/` answers a short page saying how to build it.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The console's Content-Security-Policy: scripts only from the server itself (Vite emits external module
 * scripts, never inline ones); inline styles are allowed because antd writes its CSS-in-JS as <style>.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** The text `/` answers when web/dist is missing. */
export const CONSOLE_NOT_BUILT =
  'Fengxiang (风向): the web console is not built.\n' +
  '控制台尚未构建。\n\n' +
  'Build it with `npm run build` (server and console) or `npm run build:web` (console only), then restart.\n' +
  'The API is available under /api/v1 (see /api/v1/openapi.json).\n';

/** The package root: the nearest folder above this module whose package.json is named "fengxiang". */
export function packageRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let folder = start;
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && isOurManifest(manifest)) return folder;
    const parent = dirname(folder);
    if (parent === folder) return join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    folder = parent;
  }
}

function isOurManifest(path: string): boolean {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown }).name === 'fengxiang';
  } catch {
    return false;
  }
}

/** The default location of the built console: `<package root>/web/dist`. */
export function defaultConsoleDir(): string {
  return join(packageRoot(), 'web', 'dist');
}

/** Every file below `dir` by its URL path (`/assets/index-abc.js`), index.html left out. */
function listFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(`/${relative(dir, path).split(sep).join('/')}`, relative(dir, path));
    }
  };
  walk(dir);
  files.delete('/index.html');
  return files;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}

function consoleHeaders(reply: FastifyReply, cache: string): FastifyReply {
  return reply
    .header('content-security-policy', CONSOLE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('cache-control', cache);
}

/** Options of {@link registerConsole}. */
export interface ConsoleOptions {
  /** The built console; `<package root>/web/dist` when absent. */
  dir?: string;
}

/** Registers the console routes on `app` (after the API routes, which stay more specific). */
export async function registerConsole(app: FastifyInstance, options: ConsoleOptions = {}): Promise<void> {
  const dir = options.dir ?? defaultConsoleDir();
  const routeConfig = { config: { rateLimit: false as const }, schema: { hide: true } };
  if (!existsSync(join(dir, 'index.html'))) {
    app.get('/', routeConfig, async (_request, reply) =>
      reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('cache-control', REVALIDATE)
        .send(CONSOLE_NOT_BUILT),
    );
    return;
  }
  await app.register(fastifyStatic, { root: dir, serve: false, cacheControl: false, etag: true });
  const files = listFiles(dir);
  const serve = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const path = request.url.split('?')[0] ?? '/';
    if (isApiPath(path)) {
      reply.callNotFound();
      return reply;
    }
    const file = files.get(safeDecode(path));
    if (file !== undefined) {
      const cache = file.startsWith('assets/') ? HASHED_ASSET_CACHE : REVALIDATE;
      return consoleHeaders(reply, cache).sendFile(file);
    }
    return consoleHeaders(reply, REVALIDATE).sendFile('index.html');
  };
  app.get('/', routeConfig, serve);
  app.get('/*', routeConfig, serve);
}
