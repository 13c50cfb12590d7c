/**
 * Settings of the polite HTTP client, their defaults, and the injectable parts (clock, sleep, randomness,
 * resolver, log) that let tests run fast and without the network.
 */
import { setTimeout as wait } from 'node:timers/promises';
import { systemClock, type Clock } from '../../platform/clock.js';
import { systemResolver, type Resolver } from './resolve.js';

/** Waits `ms` milliseconds; rejects when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Diagnostics of the client (retries, robots answers, refusals); never secrets. */
export type HttpLog = (message: string, detail?: Record<string, unknown>) => void;

/** Options of {@link createHttpClient}; every one has a default. */
export interface HttpClientOptions {
  /** Sent on every request and matched against robots.txt by its product token (the part before `/`). */
  userAgent?: string;
  /** Deadline of one request attempt: connect, headers and the whole body (default 20 s). */
  timeoutMs?: number;
  /** Deadline of the TCP/TLS connect (default: the smaller of 10 s and `timeoutMs`). */
  connectTimeoutMs?: number;
  /** Body limit in bytes, compressed and decompressed (default 10 MiB). */
  maxBytes?: number;
  /** Redirects followed before FETCH_TOO_MANY_REDIRECTS (default 5). */
  maxRedirects?: number;
  /** Requests in flight to one host (default 2). */
  perHostConcurrency?: number;
  /** Minimum spacing between request starts to one host (default 1000 ms). */
  perHostMinIntervalMs?: number;
  /** Cap on a robots.txt Crawl-delay (default 60 s). */
  maxCrawlDelayMs?: number;
  /** Allow private targets everywhere (global configuration; off by default). */
  allowPrivate?: boolean;
  /** `host` or `host:port` entries that may be private (see allowance.ts). */
  allowedPrivateHosts?: readonly string[];
  /** How long a fetched robots.txt (or a 4xx answer for it) is trusted (default 24 h). */
  robotsTtlMs?: number;
  /** How long a failed robots.txt fetch (5xx, 429, network error) disallows the origin (default 10 min). */
  robotsErrorTtlMs?: number;
  /** Size limit of robots.txt (default 512 KiB). */
  robotsMaxBytes?: number;
  /** Retries after 429, 503 or a network error (default 2). */
  retries?: number;
  /** First backoff step; doubled per retry, with jitter (default 1 s). */
  backoffBaseMs?: number;
  /** The longest the client waits before a retry; a longer Retry-After fails at once (default 60 s). */
  maxRetryWaitMs?: number;
  clock?: Clock;
  sleep?: Sleep;
  /** Random numbers in [0, 1) for backoff jitter. */
  random?: () => number;
  /** Name resolution (default: the system resolver). */
  resolve?: Resolver;
  log?: HttpLog;
  /** Problems an operator should see (shared limits unavailable); default `log`. */
  warn?: HttpLog;
  /**
   * Per-host limits shared by every process on one Redis (scale-out); absent: limits per process. When
   * Redis fails, the client falls back to per-process limits for a while and warns.
   */
  sharedLimits?: SharedLimitsOptions;
}

/** Where and how per-host limits are shared. */
export interface SharedLimitsOptions {
  /** `redis://…` (the installation's REDIS_URL). */
  redisUrl: string;
  /** Key prefix (the installation's QUEUE_PREFIX). */
  keyPrefix: string;
  /** Bound on one Redis call (default 1 s). */
  callTimeoutMs?: number;
  /** How long per-process limits stand in after a Redis failure (default 10 s). */
  fallbackMs?: number;
}

/** The options with every default filled in. */
export type ResolvedOptions = Required<Omit<HttpClientOptions, 'allowedPrivateHosts' | 'sharedLimits'>> & {
  allowedPrivateHosts: readonly string[];
  sharedLimits: Required<SharedLimitsOptions> | null;
};

/** The default User-Agent; deployments pass one with their version and contact URL. */
export const DEFAULT_USER_AGENT = 'Fengxiang/0.1 (public-opinion monitoring)';

/** The wall-clock sleep. */
export const systemSleep: Sleep = async (ms, signal) => {
  await wait(ms, undefined, signal ? { signal } : {});
};

/** Fills in the defaults. */
export function resolveOptions(options: HttpClientOptions): ResolvedOptions {
  const timeoutMs = options.timeoutMs ?? 20_000;
  return {
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    timeoutMs,
    connectTimeoutMs: options.connectTimeoutMs ?? Math.min(10_000, timeoutMs),
    maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    perHostConcurrency: options.perHostConcurrency ?? 2,
    perHostMinIntervalMs: options.perHostMinIntervalMs ?? 1_000,
    maxCrawlDelayMs: options.maxCrawlDelayMs ?? 60_000,
    allowPrivate: options.allowPrivate ?? false,
    allowedPrivateHosts: options.allowedPrivateHosts ?? [],
    robotsTtlMs: options.robotsTtlMs ?? 24 * 60 * 60 * 1_000,
    robotsErrorTtlMs: options.robotsErrorTtlMs ?? 10 * 60 * 1_000,
    robotsMaxBytes: options.robotsMaxBytes ?? 512 * 1024,
    retries: options.retries ?? 2,
    backoffBaseMs: options.backoffBaseMs ?? 1_000,
    maxRetryWaitMs: options.maxRetryWaitMs ?? 60_000,
    clock: options.clock ?? systemClock,
    sleep: options.sleep ?? systemSleep,
    random: options.random ?? Math.random,
    resolve: options.resolve ?? systemResolver,
    log: options.log ?? (() => undefined),
    warn: options.warn ?? options.log ?? (() => undefined),
    sharedLimits: options.sharedLimits
      ? { callTimeoutMs: 1_000, fallbackMs: 10_000, ...options.sharedLimits }
      : null,
  };
}

/** The robots.txt product token of a User-Agent (`Fengxiang/0.1 (…)` → `Fengxiang`). */
export function productToken(userAgent: string): string {
  return userAgent.split(/[/\s]/)[0] ?? userAgent;
}
