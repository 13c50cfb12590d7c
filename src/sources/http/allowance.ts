/**
 * Which private targets the configuration allows. Entries are `host` (any port) or `host:port`, IPv6 in
 * brackets (`[::1]:8080`); names match exactly (`localhost` does not allow `127.0.0.1`, nor the reverse),
 * IP literals match in any spelling. An allowance is per host and port, so a server allowed for a test or an
 * intranet source cannot redirect the client to some other private address: every other target is still
 * checked by the guard.
 */
import ipaddr from 'ipaddr.js';
import { AppError } from '../../platform/errors.js';
import { bareHost } from './guard.js';

/** Decides whether a target may be private. */
export interface PrivateAllowance {
  /** True when `hostname` (as in a URL, brackets allowed) on `port` may resolve to a private address. */
  allows(hostname: string, port: number): boolean;
}

interface Entry {
  host: string;
  port: number | null;
}

/** Builds the allowance from configured entries; `allowAll` allows every target (global `allowPrivate`). */
export function createPrivateAllowance(entries: readonly string[], allowAll = false): PrivateAllowance {
  const parsed = entries.map(parseEntry);
  return {
    allows(hostname, port) {
      if (allowAll) return true;
      const host = canonicalHost(hostname);
      return parsed.some((entry) => entry.host === host && (entry.port === null || entry.port === port));
    },
  };
}

/** The port a URL connects to: its explicit port or the scheme's default. */
export function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

function parseEntry(raw: string): Entry {
  const text = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) return checked(raw, bracketed[1] ?? '', bracketed[2]);
  const colons = text.split(':').length - 1;
  if (colons === 1) {
    const [host = '', port] = text.split(':');
    return checked(raw, host, port);
  }
  return checked(raw, text, undefined);
}

function checked(raw: string, host: string, port: string | undefined): Entry {
  const portNumber = port === undefined ? null : Number(port);
  const badPort =
    portNumber !== null && (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535);
  if (host === '' || badPort || /[\s/]/.test(host)) {
    throw new AppError('CONFIG_INVALID', `allowed private host "${raw}" is not host or host:port`, {
      entry: raw,
    });
  }
  return { host: canonicalHost(host), port: portNumber };
}

function canonicalHost(hostname: string): string {
  const bare = bareHost(hostname.toLowerCase()).replace(/\.$/, '');
  return ipaddr.isValid(bare) ? ipaddr.parse(bare).toNormalizedString() : bare;
}
