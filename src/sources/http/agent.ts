/**
 * The undici connection pool behind the client. Its connector resolves names through the guarded lookup,
 * except for origins the private allowance names, so every new socket connects to an address that passed
 * the guard at connect time.
 */
import { Agent, buildConnector } from 'undici';
import type { PrivateAllowance } from './allowance.js';
import { createLookup, type Resolver } from './resolve.js';

/** What the pool needs to know. */
export interface AgentSettings {
  allowance: PrivateAllowance;
  resolve: Resolver;
  connectTimeoutMs: number;
  timeoutMs: number;
}

/** A pooling agent whose sockets only reach allowed addresses. */
export function createGuardedAgent(settings: AgentSettings): Agent {
  const strict = buildConnector({
    timeout: settings.connectTimeoutMs,
    lookup: createLookup(settings.resolve, true),
  });
  const open = buildConnector({
    timeout: settings.connectTimeoutMs,
    lookup: createLookup(settings.resolve, false),
  });
  const connect: buildConnector.connector = (options, callback) => {
    const port = options.port === '' ? defaultPort(options.protocol) : Number(options.port);
    const connector = settings.allowance.allows(options.hostname, port) ? open : strict;
    connector(options, callback);
  };
  return poolWith(connect, settings.timeoutMs);
}

/** A pooling agent that reaches any address: for requests whose source configuration allows private targets. */
export function createOpenAgent(settings: AgentSettings): Agent {
  const open = buildConnector({
    timeout: settings.connectTimeoutMs,
    lookup: createLookup(settings.resolve, false),
  });
  return poolWith(open, settings.timeoutMs);
}

function poolWith(connect: buildConnector.connector, timeoutMs: number): Agent {
  return new Agent({ connect, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, keepAliveTimeout: 4_000 });
}

function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}
