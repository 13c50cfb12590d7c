/**
 * The fetch history of sources: one row per fetch with its counts, error and detail (JSON text), listed
 * newest first with a keyset cursor and purged by age.
 */
import type { Kysely, Selectable } from 'kysely';
import { FETCH_OUTCOMES, type FetchOutcome } from '../../domain/index.js';
import { newId } from '../../platform/ids.js';
import { parseJsonObject, toJsonText } from '../json-columns.js';
import { beforeTimeId, pageLimit, toPage } from '../paging.js';
import type { FetchRunRecord, FetchRunRepository, NewFetchRun, Page, PageRequest } from '../repositories.js';
import type { Database, FetchRunsTable } from '../schema.js';

function outcomeOf(value: string): FetchOutcome {
  return (FETCH_OUTCOMES as readonly string[]).includes(value) ? (value as FetchOutcome) : 'failed';
}

function toFetchRun({ detail, outcome, ...row }: Selectable<FetchRunsTable>): FetchRunRecord {
  return { ...row, outcome: outcomeOf(outcome), detail: parseJsonObject(detail, 'fetch_runs.detail') };
}

/** Fetch runs in SQLite or PostgreSQL through Kysely. */
export class KyselyFetchRunRepository implements FetchRunRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(run: NewFetchRun): Promise<FetchRunRecord> {
    const row: Selectable<FetchRunsTable> = {
      id: newId(run.startedAt),
      sourceId: run.sourceId,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      outcome: run.outcome,
      found: run.found,
      inserted: run.inserted,
      updated: run.updated,
      duplicates: run.duplicates,
      rejected: run.rejected,
      errorCode: run.errorCode,
      errorMessage: run.errorMessage,
      httpStatus: run.httpStatus,
      durationMs: run.durationMs,
      detail: toJsonText(run.detail ?? {}),
    };
    await this.db.insertInto('fetchRuns').values(row).execute();
    return toFetchRun(row);
  }

  async listBySource(sourceId: string, page: PageRequest): Promise<Page<FetchRunRecord>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('fetchRuns')
      .selectAll()
      .where('sourceId', '=', sourceId)
      .orderBy('startedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (page.cursor) query = query.where(beforeTimeId('startedAt', page.cursor));
    const rows = await query.execute();
    return toPage(rows, limit, (row) => ({ at: row.startedAt, id: row.id }), toFetchRun);
  }

  async purge(before: number): Promise<number> {
    const result = await this.db.deleteFrom('fetchRuns').where('startedAt', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
