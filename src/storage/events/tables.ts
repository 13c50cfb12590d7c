/** The event tables as Kysely sees them (migration 0004); listed in the `Database` of ../schema.ts. */

/**
 * `events`. `keywords`, `platforms`, `regions`, `sentiment` and `representativeIds` are JSON text;
 * `centroid` is the clusterer's bounded term vector as JSON `[term, weight][]`; `heatRaw` is the raw heat
 * the unit's heat reference is computed from.
 */
export interface EventsTable {
  id: string;
  unitId: string;
  title: string;
  keywords: string;
  firstItemId: string | null;
  firstPublishedAt: number;
  lastPublishedAt: number;
  itemCount: number;
  repostCount: number;
  sourceCount: number;
  platforms: string;
  regions: string;
  sentiment: string;
  stage: string;
  heat: number | null;
  heatRaw: number | null;
  heatVersion: string | null;
  representativeIds: string;
  mergedInto: string | null;
  centroid: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * `event_items`: the event each item belongs to (one at most), when it joined and how central it is;
 * `publishedAt` repeats the item's publication time so windows and newest-first pages of one event read
 * the index alone (migration 0020).
 */
export interface EventItemsTable {
  eventId: string;
  itemId: string;
  joinedAt: number;
  centrality: number;
  publishedAt: number;
}

/** `event_history`: merges, splits and stage changes. `detail` is JSON text. */
export interface EventHistoryTable {
  id: string;
  eventId: string;
  kind: string;
  otherEventId: string | null;
  detail: string;
  at: number;
}
