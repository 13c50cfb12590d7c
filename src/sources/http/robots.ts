/**
 * robots.txt, honoured for our product token and cached per origin. The file is fetched through the same
 * guarded, polite client. What an answer means follows RFC 9309:
 *
 * - 2xx: the rules apply (Crawl-delay, capped, raises the host's spacing);
 * - 4xx other than 429 (404, 410, 401, 403…) and more than the redirect limit: no rules, everything allowed;
 * - 429, 5xx, network errors and timeouts: the site is treated as fully disallowed for `errorTtlMs` (10 min
 *   by default), then asked again. A previously fetched copy, even expired, is used instead when there is
 *   one, so one bad minute of a site does not stop its collection.
 *
 * An address refusal or the caller's abort is passed through, not cached.
 */
import robotsModule from 'robots-parser';
import type { Clock } from '../../platform/clock.js';
import { AppError, isAppError } from '../../platform/errors.js';
import type { HostLimiter } from './host-limiter.js';
import type { HttpLog } from './options.js';

/** Fetches robots.txt bodies (2xx only; other answers throw FETCH_* AppErrors). */
export type RobotsFetch = (url: URL, signal?: AbortSignal) => Promise<Buffer>;

/** The robots.txt gate. */
export interface RobotsGate {
  /** Throws FETCH_ROBOTS_DISALLOWED when robots.txt of the URL's origin disallows it for us. */
  check(url: URL, fetchRobots: RobotsFetch, signal?: AbortSignal): Promise<void>;
}

/** What the gate needs. */
export interface RobotsSettings {
  token: string;
  clock: Clock;
  ttlMs: number;
  errorTtlMs: number;
  limiter: HostLimiter;
  maxCrawlDelayMs: number;
  log: HttpLog;
}

/**
 * robots-parser is CommonJS (`module.exports = parse`) but its typings declare a default export, which
 * TypeScript's NodeNext resolution reads as `module.exports.default`: at run time the default import is the
 * parse function itself.
 */
const robotsParser = robotsModule as unknown as typeof robotsModule.default;

type Rules = ReturnType<typeof robotsParser>;

interface Entry {
  verdict: 'rules' | 'allow-all' | 'disallow-all';
  rules: Rules | null;
  expiresAt: number;
}

/** Origins remembered at most. */
const MAX_ORIGINS = 5_000;

/** Creates the gate with an empty cache. */
export function createRobotsGate(settings: RobotsSettings): RobotsGate {
  const cache = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry>>();

  async function entryFor(url: URL, fetchRobots: RobotsFetch, signal?: AbortSignal): Promise<Entry> {
    const cached = cache.get(url.origin);
    if (cached && cached.expiresAt > settings.clock.now()) return cached;
    const inFlight = pending.get(url.origin);
    if (inFlight) return inFlight;
    const loading = load(url, fetchRobots, cached ?? null, settings, signal).finally(() =>
      pending.delete(url.origin),
    );
    pending.set(url.origin, loading);
    const entry = await loading;
    remember(cache, url.origin, entry);
    return entry;
  }

  return {
    async check(url, fetchRobots, signal) {
      const entry = await entryFor(url, fetchRobots, signal);
      applyCrawlDelay(url, entry, settings);
      if (isAllowed(url, entry, settings.token)) return;
      throw new AppError('FETCH_ROBOTS_DISALLOWED', `robots.txt of ${url.origin} disallows ${url.href}`, {
        url: url.href,
        robots: entry.verdict,
      });
    },
  };
}

async function load(
  url: URL,
  fetchRobots: RobotsFetch,
  stale: Entry | null,
  settings: RobotsSettings,
  signal?: AbortSignal,
): Promise<Entry> {
  const robotsUrl = new URL('/robots.txt', url.origin);
  const now = settings.clock.now();
  try {
    const body = await fetchRobots(robotsUrl, signal);
    const text = body.toString('utf8').replace(/^\uFEFF/, '');
    return { verdict: 'rules', rules: robotsParser(robotsUrl.href, text), expiresAt: now + settings.ttlMs };
  } catch (error) {
    if (signal?.aborted || isAppError(error, 'FETCH_BLOCKED_ADDRESS')) throw error;
    if (meansNoRules(error)) return { verdict: 'allow-all', rules: null, expiresAt: now + settings.ttlMs };
    settings.log('robots.txt unavailable', {
      url: robotsUrl.href,
      error: error instanceof Error ? error.message : String(error),
      using: stale ? 'previous copy' : 'disallow',
    });
    const expiresAt = now + settings.errorTtlMs;
    return stale ? { ...stale, expiresAt } : { verdict: 'disallow-all', rules: null, expiresAt };
  }
}

function meansNoRules(error: unknown): boolean {
  if (isAppError(error, 'FETCH_TOO_MANY_REDIRECTS')) return true;
  if (!isAppError(error, 'FETCH_HTTP_STATUS')) return false;
  const status = error.details.status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
}

function isAllowed(url: URL, entry: Entry, token: string): boolean {
  if (entry.verdict === 'allow-all') return true;
  if (entry.verdict === 'disallow-all' || !entry.rules) return false;
  return entry.rules.isAllowed(url.href, token) !== false;
}

function applyCrawlDelay(url: URL, entry: Entry, settings: RobotsSettings): void {
  const seconds = entry.rules?.getCrawlDelay(settings.token);
  if (typeof seconds !== 'number' || !(seconds > 0)) return;
  settings.limiter.setMinInterval(url.host, Math.min(seconds * 1_000, settings.maxCrawlDelayMs));
}

function remember(cache: Map<string, Entry>, origin: string, entry: Entry): void {
  cache.delete(origin);
  cache.set(origin, entry);
  if (cache.size <= MAX_ORIGINS) return;
  const oldest = cache.keys().next();
  if (!oldest.done) cache.delete(oldest.value);
}
