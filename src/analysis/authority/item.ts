/** The authority of one item: its source's tier and the key account that posted it, if any. */
import type { KeyAccount, MediaTier } from '../../domain/index.js';
import type { AuthoredItem, KeyAccountMatcher } from './matcher.js';
import { authorityWeight } from './weights.js';

/** The authority weight of `item` from a source of `tier`, using the unit's key-account matcher. */
export function itemAuthority(
  item: AuthoredItem,
  tier: MediaTier | null,
  matcher: KeyAccountMatcher<KeyAccount> | null,
): { weight: number; keyAccount: KeyAccount | null } {
  const keyAccount = matcher?.match(item) ?? null;
  return { weight: authorityWeight({ tier, keyAccount }), keyAccount };
}
