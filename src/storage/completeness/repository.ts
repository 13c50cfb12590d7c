/**
 * Completeness input from the fetch history: per window, each source's first and last successful fetch
 * (ok or not modified). Reads `fetch_runs` on its (source_id, started_at) index; writes nothing.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CompletenessRepository, SuccessSpan, TimeWindow } from './types.js';

/** Outcomes that mean the source answered (a 304 is as good as new content for completeness). */
const SUCCESSFUL = ['ok', 'not_modified'];

/** Completeness queries in SQLite or PostgreSQL through Kysely. */
export class KyselyCompletenessRepository implements CompletenessRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async successSpans(
    sourceIds: readonly string[],
    windows: readonly TimeWindow[],
  ): Promise<Map<string, SuccessSpan>[]> {
    const result: Map<string, SuccessSpan>[] = [];
    for (const window of windows) {
      const found = new Map<string, SuccessSpan>();
      if (sourceIds.length > 0 && window.to > window.from) {
        const rows = await this.db
          .selectFrom('fetchRuns')
          .select([
            'sourceId',
            (eb) => eb.fn.min<number | string>('startedAt').as('first'),
            (eb) => eb.fn.max<number | string>('startedAt').as('last'),
          ])
          .where('sourceId', 'in', [...sourceIds])
          .where('outcome', 'in', SUCCESSFUL)
          .where('startedAt', '>=', window.from)
          .where('startedAt', '<', window.to)
          .groupBy('sourceId')
          .execute();
        for (const row of rows) found.set(row.sourceId, { first: Number(row.first), last: Number(row.last) });
      }
      result.push(found);
    }
    return result;
  }
}
