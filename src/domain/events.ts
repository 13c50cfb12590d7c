/**
 * Events (事件), heat (热度) and source authority (issue 5): the glossary in code. Events are clusters of
 * analysed items that tell one story; heat says how loud a story is against the unit's own history.
 */
import type { EpochMs, MediaTier, RegionRef, SentimentLabel } from './entities.js';

/** Stages of an event's life from its volume curve (萌芽 / 发酵 / 高潮 / 回落). */
export const EVENT_STAGES = ['emerging', 'fermenting', 'peak', 'declining'] as const;
/** One of {@link EVENT_STAGES}. */
export type EventStage = (typeof EVENT_STAGES)[number];

/** Chinese names of the stages, for reports and the console. */
export const EVENT_STAGE_NAMES: Readonly<Record<EventStage, string>> = {
  emerging: '萌芽',
  fermenting: '发酵',
  peak: '高潮',
  declining: '回落',
};

/** Item counts by sentiment in one time bucket of an event. */
export interface SentimentMix {
  positive: number;
  neutral: number;
  negative: number;
}

/** One bucket of an event's timeline. */
export interface EventBucket {
  /** Start of the bucket (epoch ms, bucket-aligned). */
  at: EpochMs;
  items: number;
  sentiment: SentimentMix;
}

/** An event: a cluster of items about one story, with a stable id across merges and splits. */
export interface OpinionEvent {
  id: string;
  unitId: string;
  title: string;
  keywords: string[];
  /** The earliest item (首发) and its time. */
  firstItemId: string | null;
  firstPublishedAt: EpochMs;
  lastPublishedAt: EpochMs;
  itemCount: number;
  /** Items that are near-duplicates or reposts of another item in the event. */
  repostCount: number;
  sourceCount: number;
  platforms: string[];
  regions: RegionRef[];
  sentiment: SentimentMix;
  stage: EventStage;
  /** 0–100, see docs/heat.md; null until computed. */
  heat: number | null;
  heatVersion: string | null;
  /** Representative items: the most central first, then the most engaged. */
  representativeIds: string[];
  /** The event this one was merged into; null while it stands on its own. */
  mergedInto: string | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** Words naming the sentiment classes, reused by event summaries. */
export type EventSentiment = SentimentLabel;

/** A key account (重点账号) staff watch: its posts weigh more in heat and can trigger rules. */
export interface KeyAccount {
  id: string;
  unitId: string;
  /** The platform (weibo, douyin, a forum's name…); null matches every platform. */
  platform: string | null;
  /** The author name as items carry it. */
  name: string;
  tier: MediaTier | null;
  /** Multiplies the item's authority in heat; 1 is neutral. */
  weight: number;
  note: string | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** What happened to an event: kept so that merges and splits never lose a story's trail. */
export const EVENT_HISTORY_KINDS = [
  'created',
  'merged_into',
  'absorbed',
  'split_off',
  'split_from',
  'stage',
] as const;
/** One of {@link EVENT_HISTORY_KINDS}. */
export type EventHistoryKind = (typeof EVENT_HISTORY_KINDS)[number];

/** One entry of an event's history (merges, splits, stage changes), newest last. */
export interface EventHistoryEntry {
  id: string;
  eventId: string;
  kind: EventHistoryKind;
  /** The other event of a merge or split. */
  otherEventId: string | null;
  detail: Record<string, unknown>;
  at: EpochMs;
}
