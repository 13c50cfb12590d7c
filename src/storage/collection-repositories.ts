/**
 * The repository interfaces collection adds (issue 3): fetch history, hot-list topics, key periods,
 * source health events, and the value types the source and item repositories use for scheduling,
 * exact dedup, versions and tombstones. Re-exported by repositories.ts.
 */
import type {
  Engagement,
  FetchRun,
  HotTopic,
  KeyPeriod,
  SourceHealthEvent,
  SourceHealthState,
} from '../domain/index.js';
import type { Page, PageRequest, Scope } from './repositories.js';

/** How one fetch of a source ended, as {@link SourceRepository.recordFetch} stores it. */
export interface SourceFetchUpdate {
  at: number;
  ok: boolean;
  /** Items stored as new; more than 0 sets lastNewItemAt. */
  newItems: number;
  nextFetchAt: number | null;
  /** The kind's state to keep; left as it was when absent. */
  state?: Record<string, unknown>;
  /** The failure; null or absent keeps the last error as it was (history for the health view). */
  error?: { code: string; message: string } | null;
  health: SourceHealthState;
}

/** The exact-dedup keys of a batch of items. */
export interface ItemDedupKeys {
  externalIds: readonly string[];
  canonicalUrls: readonly string[];
  contentHashes: readonly string[];
}

/** A stored item as dedup sees it: its keys, text hash (edit detection) and counters. */
export interface ExistingItemKey {
  id: string;
  externalId: string | null;
  canonicalUrl: string | null;
  contentHash: string;
  title: string | null;
  engagement: Engagement;
  version: number;
}

/** Why an item's keys were tombstoned. */
export type TombstoneReason = 'deleted' | 'merged';

/** Which key of an item a tombstone holds. */
export type TombstoneKeyType = 'external_id' | 'canonical_url' | 'content_hash';

/**
 * One tombstoned key. Exactly one of externalId, canonicalUrl, contentHash is set, by `keyType`. `itemId`
 * is the deleted item, or for a merge the item it was merged into.
 */
export interface TombstoneKey {
  itemId: string;
  keyType: TombstoneKeyType;
  externalId: string | null;
  canonicalUrl: string | null;
  contentHash: string | null;
  reason: TombstoneReason;
}

/** The new text of an edited item. */
export interface ItemContentPatch {
  title: string | null;
  content: string;
  normalizedText: string;
  tokens: string;
  contentHash: string;
  engagement?: Partial<Engagement>;
  updatedAt: number;
}

/** An earlier text of an item. */
export interface ItemVersion {
  version: number;
  title: string | null;
  content: string;
  contentHash: string;
  /** When this text was replaced. */
  recordedAt: number;
}

/** A fetch run as recorded; `detail` holds e.g. the reasons of rejected items. */
export type NewFetchRun = Omit<FetchRun, 'id'> & { detail?: Record<string, unknown> };

/** A fetch run with its detail. */
export type FetchRunRecord = FetchRun & { detail: Record<string, unknown> };

/** The fetch history of sources. */
export interface FetchRunRepository {
  record(run: NewFetchRun): Promise<FetchRunRecord>;
  /** Newest first (by start time). */
  listBySource(sourceId: string, page: PageRequest): Promise<Page<FetchRunRecord>>;
  /** Deletes runs started before `before`; returns how many. */
  purge(before: number): Promise<number>;
}

/** One hot-list entry of one fetch, keyed by its normalised title. */
export interface HotSightingInput {
  key: string;
  title: string;
  url: string | null;
  rank: number;
  heat: number | null;
}

/** A topic's rank (and heat) at one fetch of its list. */
export interface HotSighting {
  at: number;
  rank: number;
  heat: number | null;
}

/** Hot-list topics and their rank over time. */
export interface HotTopicRepository {
  /**
   * Records one fetch of a list in one transaction: new topics are created, known ones keep their first
   * sighting, take the best (lowest) peak rank and highest peak heat, and count one more sighting.
   */
  upsertSightings(sourceId: string, at: number, entries: readonly HotSightingInput[]): Promise<HotTopic[]>;
  /** Topics of sources in scope seen in [from, to), most recently seen first. */
  list(
    scope: Scope,
    filter: { sourceId?: string; from?: number; to?: number },
    page: PageRequest,
  ): Promise<Page<HotTopic>>;
  get(id: string, scope?: Scope): Promise<HotTopic | null>;
  /** The topic's sightings, oldest first. */
  history(topicId: string): Promise<HotSighting[]>;
}

/** The fields of a new key period. */
export type KeyPeriodInput = Omit<KeyPeriod, 'id' | 'createdAt' | 'unitIds' | 'sourceIds'> & {
  unitIds?: string[];
  sourceIds?: string[];
};

/** Key periods (重要时段). */
export interface KeyPeriodRepository {
  /** BAD_REQUEST when it ends before it starts or the multiplier is not positive. */
  create(input: KeyPeriodInput): Promise<KeyPeriod>;
  get(id: string, scope?: Scope): Promise<KeyPeriod | null>;
  /** Latest start first. */
  list(scope: Scope, page: PageRequest): Promise<Page<KeyPeriod>>;
  update(id: string, patch: Partial<Omit<KeyPeriodInput, 'unitId'>>): Promise<KeyPeriod>;
  delete(id: string): Promise<void>;
  /** Every period active at `now` (starts at or before, ends after). */
  activeAt(now: number): Promise<KeyPeriod[]>;
}

/** Source health changes, append-only. */
export interface SourceHealthEventRepository {
  append(event: Omit<SourceHealthEvent, 'id'>): Promise<SourceHealthEvent>;
  /** Newest first. */
  list(
    scope: Scope,
    filter: { sourceId?: string; since?: number },
    page: PageRequest,
  ): Promise<Page<SourceHealthEvent>>;
}
