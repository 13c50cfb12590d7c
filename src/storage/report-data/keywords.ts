/**
 * The top keywords of a period for the dashboard's word cloud. Keywords live in the `items.keywords` JSON
 * text column, so the query reads that one column and counts in code; it reads the newest
 * {@link KEYWORD_ITEM_LIMIT} items of the period at most, so a year-long period stays cheap.
 */
import type { Kysely } from 'kysely';
import type { NamedCount, ReportQuery, Traced } from '../../domain/report-data.js';
import type { Database } from '../schema.js';
import { checkPeriod } from './checks.js';
import { jsonStrings, sortedTallies, tallyNames } from './counts.js';
import { allOf, itemConditions } from './scope.js';
import { TraceLog } from './trace.js';

/** The most items whose keywords one answer counts (the newest of the period). */
export const KEYWORD_ITEM_LIMIT = 20_000;

/** The most keywords one answer lists. */
export const MAX_KEYWORDS = 200;

/** Keywords most first, with how many items were read and whether the period had more. */
export interface KeywordCounts {
  keywords: NamedCount[];
  /** Items read (those with at least one keyword). */
  itemsCounted: number;
  /** True when the period had more items with keywords than {@link KEYWORD_ITEM_LIMIT}. */
  truncated: boolean;
}

/** Counts the keywords of a period's items. */
export interface KeywordCountSource {
  /** The `limit` most frequent keywords of the period; an item counts once per distinct keyword. */
  topKeywords(query: ReportQuery, limit: number): Promise<Traced<KeywordCounts>>;
}

/** Keyword counts read through Kysely, one codebase for SQLite and PostgreSQL. */
export class KyselyKeywordCountSource implements KeywordCountSource {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly itemLimit = KEYWORD_ITEM_LIMIT,
  ) {}

  async topKeywords(query: ReportQuery, limit: number): Promise<Traced<KeywordCounts>> {
    checkPeriod(query);
    const wanted = Math.max(1, Math.min(MAX_KEYWORDS, Math.floor(limit)));
    const log = new TraceLog(this.db);
    const rows = await log.rows(
      this.db
        .selectFrom('items')
        .select(['items.keywords', 'items.sentiment'])
        .where(allOf(itemConditions(query)))
        .where('items.keywords', '!=', '[]')
        .orderBy('items.publishedAt', 'desc')
        .limit(this.itemLimit + 1),
      `rows grouped by keywords[] in the application: an item counts once per distinct keyword; the newest ${this.itemLimit} items at most`,
    );
    const truncated = rows.length > this.itemLimit;
    const counted = truncated ? rows.slice(0, this.itemLimit) : rows;
    const tallies = new Map<string, NamedCount>();
    for (const row of counted) {
      tallyNames(tallies, jsonStrings(row.keywords, 'items.keywords'), row.sentiment === 'negative');
    }
    return log.done({
      keywords: sortedTallies(tallies).slice(0, wanted),
      itemsCounted: counted.length,
      truncated,
    });
  }
}
