/**
 * Who may scrape `/metrics`: metrics name sources, queues and error rates, which is nothing for the public.
 * A scrape is allowed when it comes straight (no proxy) from an address in the allowed networks, or when it
 * carries the metrics bearer token. A request that passed through a reverse proxy (it has `Forwarded` or
 * `X-Forwarded-For`) is never allowed by address, because the proxy's own address would vouch for the whole
 * internet; such scrapes need the token.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { AppError } from '../errors.js';

/** Loopback and private ranges: the default of `METRICS_ALLOW`. */
export const DEFAULT_METRICS_ALLOW: readonly string[] = [
  '127.0.0.0/8',
  '::1/128',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  'fc00::/7',
];

/** What a scrape brings to the check. */
export interface ScrapeRequest {
  /** The socket's peer address (not a forwarded one). */
  remoteAddress: string | undefined;
  /** The Authorization header, if any. */
  authorization: string | undefined;
  /** Whether the request carries Forwarded / X-Forwarded-For (it came through a proxy). */
  forwarded: boolean;
}

/** Decides whether a scrape may read the metrics. */
export type MetricsAccess = (request: ScrapeRequest) => boolean;

/**
 * Builds the check from CIDR blocks (`10.0.0.0/8`, `fd00::/8`, or a bare address) and an optional token
 * (empty: no token access). A malformed block throws CONFIG_INVALID naming it.
 */
export function createMetricsAccess(allow: readonly string[], token: string): MetricsAccess {
  const networks = blockListOf(allow);
  const tokenDigest = token === '' ? null : digest(token);
  return (request) => {
    if (tokenDigest !== null && bearerMatches(request.authorization, tokenDigest)) return true;
    if (request.forwarded || request.remoteAddress === undefined) return false;
    const address = unmapped(request.remoteAddress);
    const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
    return family !== null && networks.check(address, family);
  };
}

/** An address or CIDR block split into its parts; null when `text` is neither. */
function parseBlock(text: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', prefixText, extra] = text.trim().split('/');
  const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
  if (family === null || extra !== undefined) return null;
  const bits = family === 'ipv4' ? 32 : 128;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  if (prefix > bits) return null;
  return { address, prefix, family };
}

/** Whether `text` is an address or a CIDR block (`10.0.0.0/8`, `fd00::/8`, `192.0.2.7`). */
export function isNetworkBlock(text: string): boolean {
  return parseBlock(text) !== null;
}

function blockListOf(allow: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of allow) {
    const block = parseBlock(entry);
    if (block === null) {
      throw new AppError('CONFIG_INVALID', `METRICS_ALLOW: "${entry}" is not an address or CIDR block`, {
        field: 'metricsAllow',
        value: entry,
      });
    }
    list.addSubnet(block.address, block.prefix, block.family);
  }
  return list;
}

/** `::ffff:10.1.2.3` (an IPv4 peer on a dual-stack socket) as `10.1.2.3`. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match?.[1] ?? address;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), expected);
}
