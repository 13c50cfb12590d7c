/**
 * The fetch orchestrator: for every hop, guard the target, ask robots.txt, send with retries, then follow a
 * redirect or finish. Reads top to bottom; each step lives in its own file.
 */
import type { Dispatcher } from 'undici';
import { AppError } from '../../platform/errors.js';
import type { FetchOptions, FetchResponse } from '../types.js';
import { ACCEPT_ENCODING } from './body.js';
import type { HostLimiter } from './host-limiter.js';
import type { ResolvedOptions } from './options.js';
import { nextHop, redirectTarget, type HopRequest } from './redirects.js';
import { checkTarget } from './resolve.js';
import { parseRetryAfter } from './retry.js';
import { exchangeWithRetries } from './retrying.js';
import type { RobotsGate } from './robots.js';
import type { HopResponse } from './exchange.js';

/** The parts one fetch runs on, built once by createHttpClient. */
export interface ClientParts {
  options: ResolvedOptions;
  limiter: HostLimiter;
  robots: RobotsGate;
  /** The pool for a request: guarded, or open when private targets are allowed. */
  dispatcherFor(allowPrivate: boolean): Dispatcher;
  /** Whether the configuration lets `url` be private (global switch or an allowed host entry). */
  allowsPrivate(url: URL): boolean;
}

/** Internal knobs the robots.txt fetch uses. */
interface RunSettings {
  retries: number;
}

/** Fetches `address` politely; see HttpFetcher in ../types.ts for the contract. */
export async function runFetch(
  parts: ClientParts,
  address: string,
  options: FetchOptions,
  settings: RunSettings = { retries: parts.options.retries },
): Promise<FetchResponse> {
  const { clock, maxRedirects } = parts.options;
  const startedAt = clock.now();
  let hop = firstHop(parseUrl(address), options, parts.options.userAgent);
  for (let redirects = 0; ; redirects += 1) {
    const allowPrivate = options.allowPrivate === true || parts.allowsPrivate(hop.url);
    await checkTarget(hop.url, allowPrivate, parts.options.resolve);
    if (options.ignoreRobots !== true) {
      await parts.robots.check(
        hop.url,
        (url, signal) => fetchRobots(parts, url, options, signal),
        options.signal,
      );
    }
    const context = {
      dispatcher: parts.dispatcherFor(options.allowPrivate === true),
      limiter: parts.limiter,
      timeoutMs: parts.options.timeoutMs,
      maxBytes: options.maxBytes ?? parts.options.maxBytes,
      signal: options.signal,
    };
    const response = await exchangeWithRetries(hop, context, parts.options, settings.retries);
    const target = redirectTarget(hop.url, response.status, response.headers.location);
    if (target === null) return finish(hop.url, response, clock.now() - startedAt, clock.now());
    if (redirects >= maxRedirects) {
      throw new AppError('FETCH_TOO_MANY_REDIRECTS', `${address}: more than ${maxRedirects} redirects`, {
        url: address,
        lastUrl: hop.url.href,
        maxRedirects,
      });
    }
    hop = nextHop(hop, response.status, target);
  }
}

async function fetchRobots(
  parts: ClientParts,
  url: URL,
  options: FetchOptions,
  signal?: AbortSignal,
): Promise<Buffer> {
  const robotsOptions: FetchOptions = {
    ignoreRobots: true,
    allowPrivate: options.allowPrivate === true,
    maxBytes: parts.options.robotsMaxBytes,
    headers: { accept: 'text/plain, */*;q=0.5' },
    signal,
  };
  const response = await runFetch(parts, url.href, robotsOptions, { retries: 0 });
  return response.body;
}

function firstHop(url: URL, options: FetchOptions, userAgent: string): HopRequest {
  const headers: Record<string, string> = { accept: '*/*' };
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  headers['user-agent'] = userAgent;
  headers['accept-encoding'] = ACCEPT_ENCODING;
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const method = options.method ?? 'GET';
  return method === 'POST' && options.body !== undefined
    ? { url, method, headers, body: options.body }
    : { url, method, headers };
}

function parseUrl(address: string): URL {
  try {
    const url = new URL(address);
    url.hash = '';
    return url;
  } catch {
    throw new AppError('FETCH_FAILED', `"${address}" is not a valid URL`, {
      url: address,
      reason: 'invalid-url',
    });
  }
}

function finish(url: URL, response: HopResponse, durationMs: number, now: number): FetchResponse {
  const { status, headers } = response;
  if (status !== 304 && (status < 200 || status >= 300)) {
    const retryAfterMs = parseRetryAfter(headers['retry-after'], now);
    throw new AppError('FETCH_HTTP_STATUS', `${url.href} answered ${status}`, {
      url: url.href,
      status,
      ...(retryAfterMs === null ? {} : { retryAfterMs }),
    });
  }
  return {
    url: url.href,
    status,
    notModified: status === 304,
    headers,
    body: status === 304 ? Buffer.alloc(0) : response.body,
    etag: headers.etag ?? null,
    lastModified: headers['last-modified'] ?? null,
    contentType: headers['content-type'] ?? null,
    durationMs,
  };
}
