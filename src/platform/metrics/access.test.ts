import { describe, expect, it } from 'vitest';
import { createMetricsAccess, DEFAULT_METRICS_ALLOW, isNetworkBlock } from './access.js';

const direct = (remoteAddress: string, authorization?: string) => ({
  remoteAddress,
  authorization,
  forwarded: false,
});

describe('metrics access', () => {
  const defaults = createMetricsAccess(DEFAULT_METRICS_ALLOW, '');

  it('lets loopback and private addresses scrape directly, IPv4-mapped ones included', () => {
    for (const address of ['127.0.0.1', '::1', '10.2.3.4', '172.16.0.9', '172.31.255.1', '192.168.1.20']) {
      expect(defaults(direct(address)), address).toBe(true);
    }
    expect(defaults(direct('::ffff:10.0.0.7'))).toBe(true);
    expect(defaults(direct('fd12:3456::1'))).toBe(true);
  });

  it('refuses public addresses, proxied requests and unknown peers', () => {
    for (const address of ['203.0.113.9', '172.32.0.1', '8.8.8.8', '2001:db8::1', '::ffff:8.8.8.8']) {
      expect(defaults(direct(address)), address).toBe(false);
    }
    expect(defaults({ remoteAddress: '127.0.0.1', authorization: undefined, forwarded: true })).toBe(false);
    expect(defaults({ remoteAddress: undefined, authorization: undefined, forwarded: false })).toBe(false);
  });

  it('lets the right bearer token in from anywhere, and only the right one', () => {
    const withToken = createMetricsAccess([], 's3cret-token');
    expect(withToken(direct('203.0.113.9', 'Bearer s3cret-token'))).toBe(true);
    expect(
      withToken({ remoteAddress: '203.0.113.9', authorization: 'bearer s3cret-token', forwarded: true }),
    ).toBe(true);
    expect(withToken(direct('203.0.113.9', 'Bearer s3cret-token2'))).toBe(false);
    expect(withToken(direct('203.0.113.9', 's3cret-token'))).toBe(false);
    expect(withToken(direct('127.0.0.1'))).toBe(false);
    expect(defaults(direct('203.0.113.9', 'Bearer '))).toBe(false);
  });

  it('accepts addresses and CIDR blocks and names a malformed one', () => {
    expect(['10.0.0.0/8', '192.0.2.7', 'fd00::/8', '::1'].every(isNetworkBlock)).toBe(true);
    for (const bad of ['10.0.0.0/', '10.0.0.0/33', '10.0.0.0/8/1', 'example.org', '10.0.0/8', '::/129', '']) {
      expect(isNetworkBlock(bad), bad).toBe(false);
    }
    expect(() => createMetricsAccess(['10.0.0.0/8', 'intranet'], '')).toThrow(/"intranet" is not an address/);
  });
});
