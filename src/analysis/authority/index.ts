/** Source authority (issue 5 §2): media-tier weights, key-account weights and the key-account matcher. */
export {
  authorityWeight,
  KEY_ACCOUNT_WEIGHT_RANGE,
  MEDIA_TIER_NAMES,
  MEDIA_TIER_WEIGHTS,
  mediaTierTable,
  UNKNOWN_TIER_WEIGHT,
  type AuthorityInput,
  type MediaTierRow,
} from './weights.js';
export { KeyAccountMatcher, normalizePlatform, type AuthoredItem, type MatchableAccount } from './matcher.js';
export { itemAuthority } from './item.js';
