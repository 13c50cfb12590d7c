import { describe, expect, it } from 'vitest';
import { createPrivateAllowance } from '../../../src/sources/http/allowance.js';
import { isBlockedAddress } from '../../../src/sources/http/guard.js';
import { nextHop, redirectTarget } from '../../../src/sources/http/redirects.js';
import { backoffMs, parseRetryAfter } from '../../../src/sources/http/retry.js';
import { isAppError } from '../../../src/platform/errors.js';

describe('isBlockedAddress', () => {
  it.each([
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.254', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['127.0.0.1', true],
    ['0.0.0.0', true],
    ['255.255.255.255', true],
    ['224.0.0.1', true],
    ['::1', true],
    ['[::1]', true],
    ['::', true],
    ['fe80::1', true],
    ['fc00::1', true],
    ['fd12:3456::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:10.0.0.1', true],
    ['64:ff9b::7f00:1', true],
    ['ff02::1', true],
    ['example.org', true],
    ['93.184.216.34', false],
    ['8.8.8.8', false],
    ['172.32.0.1', false],
    ['::ffff:93.184.216.34', false],
    ['2606:2800:220:1:248:1893:25c8:1946', false],
  ])('%s → blocked %s', (address, blocked) => {
    expect(isBlockedAddress(address)).toBe(blocked);
  });
});

describe('createPrivateAllowance', () => {
  const allowance = createPrivateAllowance(['127.0.0.1:8080', 'intranet.local', '[::1]:9000']);

  it.each([
    ['127.0.0.1', 8080, true],
    ['127.0.0.1', 8081, false],
    ['localhost', 8080, false],
    ['intranet.local', 80, true],
    ['INTRANET.local.', 443, true],
    ['[::1]', 9000, true],
    ['[0:0:0:0:0:0:0:1]', 9000, true],
    ['[::1]', 80, false],
    ['10.0.0.1', 80, false],
  ])('%s:%d → %s', (host, port, allowed) => {
    expect(allowance.allows(host, port)).toBe(allowed);
  });

  it('allows everything when the global switch is on', () => {
    expect(createPrivateAllowance([], true).allows('10.0.0.1', 80)).toBe(true);
  });

  it.each(['', '127.0.0.1:99999', 'host:port', 'a b'])('refuses the malformed entry %j', (entry) => {
    expect(() => createPrivateAllowance([entry])).toThrowError(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-05-03T04:00:00Z');

  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Fri, 03 May 2024 04:00:30 GMT', 30_000],
    ['Fri, 03 May 2024 03:00:00 GMT', 0],
    ['soon', null],
    ['-5', null],
    ['1.5', null],
    [undefined, null],
  ])('%j → %s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('backoffMs', () => {
  it.each([
    [0, 0, 500],
    [0, 0.999_999, 1_000],
    [1, 0, 1_000],
    [2, 0.5, 3_000],
    [10, 1, 60_000],
  ])('attempt %d with random %d → %d ms', (attempt, random, expected) => {
    expect(backoffMs(attempt, 1_000, 60_000, () => random)).toBe(expected);
  });
});

describe('redirects', () => {
  const from = new URL('https://a.example/news/list?page=2');

  it.each([
    [301, '/x', 'https://a.example/x'],
    [302, 'item?id=1#top', 'https://a.example/news/item?id=1'],
    [307, '//b.example/y', 'https://b.example/y'],
    [308, 'http://c.example/', 'http://c.example/'],
    [200, '/x', null],
    [304, '/x', null],
    [302, undefined, null],
  ])('%d to %j → %s', (status, location, expected) => {
    expect(redirectTarget(from, status, location)?.href ?? null).toBe(expected);
  });

  it('refuses an unparsable Location', () => {
    let caught: unknown;
    try {
      redirectTarget(from, 302, 'http://[bad');
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'FETCH_FAILED')).toBe(true);
  });

  it.each([
    [303, 'POST', 'GET', false],
    [302, 'POST', 'GET', false],
    [307, 'POST', 'POST', true],
    [308, 'POST', 'POST', true],
    [301, 'POST', 'GET', false],
  ] as const)('%d after %s → %s (body kept: %s)', (status, method, expected, keepsBody) => {
    const hop = nextHop(
      { url: from, method, headers: { 'content-type': 'application/json' }, body: '{}' },
      status,
      new URL('https://a.example/next'),
    );
    expect(hop.method).toBe(expected);
    expect(hop.body !== undefined).toBe(keepsBody);
    expect('content-type' in hop.headers).toBe(keepsBody);
  });

  it('drops credentials when the origin changes, keeps them otherwise', () => {
    const hop = {
      url: from,
      method: 'GET' as const,
      headers: { cookie: 'a=1', authorization: 'x', accept: '*/*' },
    };
    expect(nextHop(hop, 302, new URL('https://other.example/')).headers).toEqual({ accept: '*/*' });
    expect(nextHop(hop, 302, new URL('https://a.example/z')).headers).toEqual(hop.headers);
  });
});
