/**
 * The polite HTTP client every source kind fetches through: a private-network guard on every hop (and at
 * connect time), robots.txt, per-host concurrency and spacing, conditional GET, retries with Retry-After and
 * backoff, timeouts, a body limit and decompression, on an undici connection pool.
 */
import { Redis } from 'ioredis';
import type { Agent } from 'undici';
import type { HttpFetcher } from '../types.js';
import { createPrivateAllowance, effectivePort } from './allowance.js';
import { createGuardedAgent, createOpenAgent, type AgentSettings } from './agent.js';
import { runFetch, type ClientParts } from './client.js';
import { createHostLimiter, type HostLimiter } from './host-limiter.js';
import { productToken, resolveOptions, type HttpClientOptions, type ResolvedOptions } from './options.js';
import { createRobotsGate } from './robots.js';
import { createSharedHostLimiter } from './shared-limiter.js';

export { addressRange, isBlockedAddress } from './guard.js';
export { createPrivateAllowance, type PrivateAllowance } from './allowance.js';
export {
  DEFAULT_USER_AGENT,
  type HttpClientOptions,
  type HttpLog,
  type SharedLimitsOptions,
  type Sleep,
} from './options.js';
export { parseRetryAfter } from './retry.js';
export type { Resolver } from './resolve.js';

/** The client: an {@link HttpFetcher} whose connection pools must be closed at shutdown. */
export interface HttpClient extends HttpFetcher {
  close(): Promise<void>;
}

/** Creates the polite HTTP client. Throws CONFIG_INVALID for a malformed `allowedPrivateHosts` entry. */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const resolved = resolveOptions(options);
  const allowance = createPrivateAllowance(resolved.allowedPrivateHosts, resolved.allowPrivate);
  const agentSettings: AgentSettings = {
    allowance,
    resolve: resolved.resolve,
    connectTimeoutMs: resolved.connectTimeoutMs,
    timeoutMs: resolved.timeoutMs,
  };
  const guarded = createGuardedAgent(agentSettings);
  let open: Agent | null = null;
  const { limiter, closeLimiter } = createLimiter(resolved);
  const robots = createRobotsGate({
    token: productToken(resolved.userAgent),
    clock: resolved.clock,
    ttlMs: resolved.robotsTtlMs,
    errorTtlMs: resolved.robotsErrorTtlMs,
    limiter,
    maxCrawlDelayMs: resolved.maxCrawlDelayMs,
    log: resolved.log,
  });
  const parts: ClientParts = {
    options: resolved,
    limiter,
    robots,
    dispatcherFor(allowPrivate) {
      if (!allowPrivate) return guarded;
      open ??= createOpenAgent(agentSettings);
      return open;
    },
    allowsPrivate: (url) => allowance.allows(url.hostname, effectivePort(url)),
  };
  return {
    fetch: (url, fetchOptions = {}) => runFetch(parts, url, fetchOptions),
    async close() {
      await Promise.all([guarded.close(), open?.close()]);
      closeLimiter();
    },
  };
}

/** The per-process limiter, or the Redis-shared one (with its connection) when `sharedLimits` is set. */
function createLimiter(resolved: ResolvedOptions): { limiter: HostLimiter; closeLimiter: () => void } {
  const local = {
    concurrency: resolved.perHostConcurrency,
    minIntervalMs: resolved.perHostMinIntervalMs,
    clock: resolved.clock,
    sleep: resolved.sleep,
  };
  const shared = resolved.sharedLimits;
  if (shared === null) return { limiter: createHostLimiter(local), closeLimiter: () => undefined };
  const redis = new Redis(shared.redisUrl, {
    connectTimeout: shared.callTimeoutMs,
    commandTimeout: shared.callTimeoutMs,
    maxRetriesPerRequest: 1,
  });
  redis.on('error', (error: unknown) => resolved.log('shared limits: redis error', { error: String(error) }));
  const limiter = createSharedHostLimiter({
    ...local,
    redis,
    prefix: shared.keyPrefix,
    slotTtlMs: resolved.timeoutMs + 10_000,
    callTimeoutMs: shared.callTimeoutMs,
    fallbackMs: shared.fallbackMs,
    warn: resolved.warn,
  });
  return { limiter, closeLimiter: () => redis.disconnect() };
}
