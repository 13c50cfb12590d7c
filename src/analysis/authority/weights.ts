/**
 * Source authority (来源权威性, issue 5 §2): how much one item's voice counts in heat and alert rules,
 * from the media tier of its source and, when its author is a key account (重点账号), that account's own
 * weight. 1 is neutral (an ordinary self-media post).
 *
 * The tier table, and why:
 * - central 3.0 — 中央媒体 (Xinhua, People's Daily, CCTV): national reach; a story there is national news.
 * - provincial 2.2 — 省级媒体: province-wide reach and often picked up by central media.
 * - government 2.0 — 政务机构 accounts: an official statement moves a story (confirms or escalates it)
 *   and is read as authoritative, but rarely has the reach of a provincial paper.
 * - local 1.5 — 地方媒体 (city, county): trusted locally, limited reach.
 * - overseas 1.5 — 境外媒体: small domestic reach but high sensitivity for an office; weighted like
 *   local media so that it is neither drowned nor over-amplified.
 * - self_media 1.0 — 自媒体 and ordinary accounts: the neutral unit of heat.
 * - unknown 1.0 — a source nobody classified: neutral, never punished.
 */
import { MEDIA_TIERS, type KeyAccount, type MediaTier } from '../../domain/index.js';

/** The weight of a source without a tier. */
export const UNKNOWN_TIER_WEIGHT = 1.0;

/** Authority weight per media tier (see the file comment for the reasons). */
export const MEDIA_TIER_WEIGHTS: Readonly<Record<MediaTier, number>> = {
  central: 3.0,
  provincial: 2.2,
  government: 2.0,
  local: 1.5,
  overseas: 1.5,
  self_media: 1.0,
};

/** Chinese names of the tiers, for the console and reports. */
export const MEDIA_TIER_NAMES: Readonly<Record<MediaTier, string>> = {
  central: '中央媒体',
  provincial: '省级媒体',
  local: '地方媒体',
  government: '政务机构',
  self_media: '自媒体',
  overseas: '境外媒体',
};

/** The lowest and highest weight a key account may carry (it multiplies the tier weight). */
export const KEY_ACCOUNT_WEIGHT_RANGE = { min: 0.1, max: 10 } as const;

/** One row of the tier table as the API shows it. */
export interface MediaTierRow {
  tier: MediaTier;
  name: string;
  weight: number;
}

/** The tier table in {@link MEDIA_TIERS} order. */
export function mediaTierTable(): MediaTierRow[] {
  return MEDIA_TIERS.map((tier) => ({
    tier,
    name: MEDIA_TIER_NAMES[tier],
    weight: MEDIA_TIER_WEIGHTS[tier],
  }));
}

/** What authority is computed from: the source's tier and the key account the author is, if any. */
export interface AuthorityInput {
  tier: MediaTier | null;
  keyAccount?: Pick<KeyAccount, 'tier' | 'weight'> | null;
}

function clampWeight(weight: number): number {
  if (!Number.isFinite(weight)) return 1;
  return Math.min(KEY_ACCOUNT_WEIGHT_RANGE.max, Math.max(KEY_ACCOUNT_WEIGHT_RANGE.min, weight));
}

/**
 * The authority weight of an item. A key account's own tier, when set, replaces the source's (a central
 * outlet's account posting on a self-media platform speaks as central media), and its weight multiplies
 * the result. Weights outside {@link KEY_ACCOUNT_WEIGHT_RANGE} are clamped.
 */
export function authorityWeight(input: AuthorityInput): number {
  const tier = input.keyAccount?.tier ?? input.tier;
  const base = tier === null ? UNKNOWN_TIER_WEIGHT : MEDIA_TIER_WEIGHTS[tier];
  const factor = input.keyAccount ? clampWeight(input.keyAccount.weight) : 1;
  return Math.round(base * factor * 1000) / 1000;
}
