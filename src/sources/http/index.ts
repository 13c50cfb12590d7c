/**
 * The polite HTTP client every source kind fetches through: a private-network guard on every hop (and at
 * connect time), robots.txt, per-host concurrency and spacing, conditional GET, retries with Retry-After and
 * backoff, timeouts, a body limit and decompression, on an undici connection pool.
 */
import type { Agent } from 'undici';
import type { HttpFetcher } from '../types.js';
import { createPrivateAllowance, effectivePort } from './allowance.js';
import { createGuardedAgent, createOpenAgent, type AgentSettings } from './agent.js';
import { runFetch, type ClientParts } from './client.js';
import { createHostLimiter } from './host-limiter.js';
import { productToken, resolveOptions, type HttpClientOptions } from './options.js';
import { createRobotsGate } from './robots.js';

export { addressRange, isBlockedAddress } from './guard.js';
export { createPrivateAllowance, type PrivateAllowance } from './allowance.js';
export { DEFAULT_USER_AGENT, type HttpClientOptions, type HttpLog, type Sleep } from './options.js';
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
  const limiter = createHostLimiter({
    concurrency: resolved.perHostConcurrency,
    minIntervalMs: resolved.perHostMinIntervalMs,
    clock: resolved.clock,
    sleep: resolved.sleep,
  });
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
    },
  };
}
