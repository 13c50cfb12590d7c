/** Scheme hits and their volumes per time bucket, as storage offers them (issue 5 §3). */

/** One match of a scheme on an item. */
export interface SchemeHit {
  schemeId: string;
  itemId: string;
  unitId: string;
  publishedAt: number;
  negative: boolean;
}

/** Hits of one scheme in one bucket [start, start + bucketMs). */
export interface HitBucket {
  start: number;
  total: number;
  negative: number;
}

/** Scheme hits. */
export interface SchemeHitRepository {
  /**
   * Records hits; recording a (scheme, item) pair again updates its time and negative flag (after a
   * sentiment correction, say) and never counts it twice.
   */
  record(hits: readonly SchemeHit[]): Promise<void>;
  /**
   * Hit counts of `schemeId` published in [from, to) per bucket, buckets aligned to multiples of
   * `bucketMs` since the epoch, oldest first. Buckets without hits are left out.
   */
  countBuckets(schemeId: string, from: number, to: number, bucketMs: number): Promise<HitBucket[]>;
  /** Item ids of the scheme's hits published at or after `since`, newest first, at most `limit`. */
  recentItemIds(schemeId: string, since: number, limit: number): Promise<string[]>;
  /** Deletes hits published before `before`; returns how many. */
  purge(before: number): Promise<number>;
}
