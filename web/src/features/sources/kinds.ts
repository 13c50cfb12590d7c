/**
 * The source kinds and media tiers as the console lists them, typed by the contract (the console imports
 * nothing else of the server), and a starting config for each kind (src/sources/<kind>/config.ts has every
 * field).
 */
import type { Source } from './api.js';

/** A source kind. */
export type SourceKind = Source['kind'];
/** A media tier. */
export type MediaTier = NonNullable<Source['tier']>;

/** The JSON the config box starts with when a kind is chosen. */
export const KIND_CONFIG_TEMPLATES: Record<SourceKind, string> = {
  feed: '{}',
  page: JSON.stringify({ item: '.news-list li', link: 'a', title: 'a', time: '.date' }, null, 2),
  json: JSON.stringify(
    { items: '$.data.list', fields: { id: '$.id', title: '$.title', url: '$.url', time: '$.time' } },
    null,
    2,
  ),
  comments: JSON.stringify(
    { format: 'json', articleUrl: 'https://', mapping: { items: '$.comments', content: '$.text' } },
    null,
    2,
  ),
  hotlist: JSON.stringify(
    { format: 'json', url: 'https://', items: '$.data', fields: { title: '$.title', heat: '$.hot' } },
    null,
    2,
  ),
  import: '{}',
  push: '{}',
};

/** Every source kind, in the order the form lists them. */
export const SOURCE_KINDS = Object.keys(KIND_CONFIG_TEMPLATES) as SourceKind[];

const TIER_RECORD: Record<MediaTier, true> = {
  central: true,
  provincial: true,
  local: true,
  government: true,
  self_media: true,
  overseas: true,
};

/** Every media tier, most authoritative first. */
export const MEDIA_TIERS = Object.keys(TIER_RECORD) as MediaTier[];
