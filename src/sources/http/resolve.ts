/**
 * Name resolution under the guard. `checkTarget` runs before every hop (scheme, IP literal or every resolved
 * address); `guardedLookup` runs again inside the socket connect, so the address the client connects to is
 * the address that was checked and a DNS answer that changes between check and connect (rebinding) is
 * refused too.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { AppError } from '../../platform/errors.js';
import { bareHost, isBlockedAddress, isIpLiteral } from './guard.js';

/** Resolves a host name to all its addresses. */
export type Resolver = (hostname: string) => Promise<string[]>;

/** The system resolver (getaddrinfo, every address, in the system's order). */
export const systemResolver: Resolver = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
};

/**
 * Refuses URLs the client must not fetch: schemes other than http/https, and (unless `allowPrivate`) IP
 * literals or names with any blocked address. Throws FETCH_BLOCKED_ADDRESS or, when the name does not
 * resolve, FETCH_FAILED.
 */
export async function checkTarget(url: URL, allowPrivate: boolean, resolve: Resolver): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('FETCH_BLOCKED_ADDRESS', `only http and https URLs are fetched, not ${url.href}`, {
      url: url.href,
      reason: 'scheme',
    });
  }
  if (allowPrivate) return;
  const addresses = isIpLiteral(url.hostname) ? [bareHost(url.hostname)] : await resolveOrFail(url, resolve);
  assertPublic(url.hostname, addresses, url.href);
}

/** A `net.connect` lookup that resolves with `resolve` and refuses blocked addresses (when `guarded`). */
export function createLookup(resolve: Resolver, guarded: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((found) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const addresses = found.filter((address) => family === 0 || isIP(address) === family);
        if (guarded) assertPublic(hostname, addresses, hostname);
        const first = addresses[0];
        if (first === undefined) throw noAddress(hostname);
        if (options.all) {
          callback(
            null,
            addresses.map((address) => ({ address, family: isIP(address) })),
          );
        } else {
          callback(null, first, isIP(first));
        }
      })
      .catch((error: unknown) => callback(asErrno(error), '', 0));
  };
}

function assertPublic(hostname: string, addresses: readonly string[], where: string): void {
  const blocked = addresses.find(isBlockedAddress);
  if (blocked === undefined) return;
  throw new AppError(
    'FETCH_BLOCKED_ADDRESS',
    `${where}: host ${hostname} resolves to ${blocked}, a private, loopback, link-local or reserved address`,
    { url: where, host: hostname, address: blocked, reason: 'address' },
  );
}

async function resolveOrFail(url: URL, resolve: Resolver): Promise<string[]> {
  let addresses: string[];
  try {
    addresses = await resolve(url.hostname);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('FETCH_FAILED', `${url.href}: cannot resolve ${url.hostname}: ${message}`, {
      url: url.href,
      reason: 'dns',
    });
  }
  if (addresses.length === 0) throw noAddress(url.hostname, url.href);
  return addresses;
}

function noAddress(hostname: string, where = hostname): AppError {
  return new AppError('FETCH_FAILED', `${where}: host ${hostname} has no address`, {
    url: where,
    reason: 'dns',
  });
}

function asErrno(error: unknown): NodeJS.ErrnoException {
  return error instanceof Error ? error : new Error(String(error));
}
