/**
 * The private-network guard, pure part: which IP addresses a fetch may reach. Only globally routable
 * unicast addresses pass. Private (10/8, 172.16/12, 192.168/16), loopback, link-local, unique-local
 * (fc00::/7), carrier-grade NAT (100.64/10), unspecified, broadcast, multicast, documentation, benchmarking
 * and reserved ranges are refused, as are IPv6 forms that embed or tunnel an IPv4 address (NAT64, 6to4,
 * Teredo); IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged by the IPv4 address it carries.
 */
import ipaddr from 'ipaddr.js';

/** Strips the brackets of an IPv6 URL host (`[::1]` → `::1`). */
export function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** True when `host` (bracketed or not) is an IPv4 or IPv6 literal rather than a name. */
export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(bareHost(host));
}

/**
 * The ipaddr.js range name of an address (`unicast`, `private`, `loopback`…), judging IPv4-mapped IPv6 by
 * its IPv4 address; null when `address` is not an IP address.
 */
export function addressRange(address: string): string | null {
  const bare = bareHost(address);
  if (!ipaddr.isValid(bare)) return null;
  return ipaddr.process(bare).range();
}

/** True when a fetch must not reach `address`: anything but a globally routable unicast IP (or not an IP). */
export function isBlockedAddress(address: string): boolean {
  return addressRange(address) !== 'unicast';
}
