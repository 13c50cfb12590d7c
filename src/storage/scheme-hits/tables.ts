/** The `scheme_hits` table as Kysely sees it (migration 0007). */

/** `scheme_hits` — one row per (scheme, item) match; `negative` is 0/1. */
export interface SchemeHitsTable {
  schemeId: string;
  itemId: string;
  unitId: string;
  publishedAt: number;
  negative: number;
}
