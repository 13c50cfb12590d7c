/**
 * What collection produces and keeps: raw items as a source kind parses them, hot-list entries, fetch
 * history, source health and key periods (重要时段). Plain data, shared by sources, pipeline, storage and api.
 */
import type { EpochMs, Engagement, ItemKind } from './entities.js';

/**
 * An item as a source kind parsed it, before normalisation and dedup. Times are already absolute when the
 * source printed a parseable time; `publishedText` keeps what the page printed when it could not be parsed
 * (or when parsing is left to the normaliser, which knows the fetch time and the time zone).
 */
export interface RawItem {
  kind: ItemKind;
  /** The platform's own id of the post or comment, when it has one. */
  externalId?: string | null;
  url?: string | null;
  title?: string | null;
  /** Clean text (HTML already removed). */
  content: string;
  author?: string | null;
  publishedAt?: EpochMs | null;
  publishedText?: string | null;
  platform?: string | null;
  /** The post this one comments on or reposts: by the platform's id or by URL. */
  parent?: { externalId?: string | null; url?: string | null } | null;
  /** The comment this comment replies to, by the platform's id (reply-to link inside a thread). */
  replyToExternalId?: string | null;
  engagement?: Partial<Engagement>;
  /** The post's IP location as the platform shows it (IP属地), e.g. `江苏`. */
  ipRegion?: string | null;
  images?: string[];
  language?: string | null;
}

/** One row of a ranked list (热搜榜) as fetched at one moment. */
export interface HotEntry {
  rank: number;
  title: string;
  url?: string | null;
  /** The heat value the list prints (热度), when it prints one. */
  heat?: number | null;
}

/** A hot-list topic tracked over time. */
export interface HotTopic {
  id: string;
  sourceId: string;
  title: string;
  url: string | null;
  firstSeenAt: EpochMs;
  lastSeenAt: EpochMs;
  lastRank: number;
  peakRank: number;
  lastHeat: number | null;
  peakHeat: number | null;
  /** Times seen in a fetch of the list. */
  sightings: number;
}

/** How one fetch of a source ended. */
export const FETCH_OUTCOMES = ['ok', 'not_modified', 'failed'] as const;
/** One of {@link FETCH_OUTCOMES}. */
export type FetchOutcome = (typeof FETCH_OUTCOMES)[number];

/** One row of a source's fetch history. */
export interface FetchRun {
  id: string;
  sourceId: string;
  startedAt: EpochMs;
  finishedAt: EpochMs;
  outcome: FetchOutcome;
  /** Items the source returned. */
  found: number;
  /** Items stored as new. */
  inserted: number;
  /** Items whose text changed (a new version was kept). */
  updated: number;
  duplicates: number;
  /** Items refused, with reasons in `detail`. */
  rejected: number;
  errorCode: string | null;
  errorMessage: string | null;
  httpStatus: number | null;
  durationMs: number;
}

/** Source health as the API shows it (DESIGN.md issue 3 §5). */
export const SOURCE_HEALTH = ['ok', 'failing', 'silent', 'paused', 'new'] as const;
/** One of {@link SOURCE_HEALTH}. */
export type SourceHealthState = (typeof SOURCE_HEALTH)[number];

/** A key period (重要时段): polling runs faster for the units and sources it covers while it is active. */
export interface KeyPeriod {
  id: string;
  unitId: string;
  name: string;
  startsAt: EpochMs;
  endsAt: EpochMs;
  /** Polling frequency multiplier (2 = twice as often). */
  multiplier: number;
  /** Units covered (besides sources listed); empty with no sources means the owning unit. */
  unitIds: string[];
  sourceIds: string[];
  createdAt: EpochMs;
}

/** A health change of a source that alerts will turn into an alert (issue 5). */
export interface SourceHealthEvent {
  id: string;
  sourceId: string;
  unitId: string;
  state: 'failing' | 'silent' | 'recovered';
  detail: string;
  at: EpochMs;
}
