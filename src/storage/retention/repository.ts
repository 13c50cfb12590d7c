/**
 * Retention deletes over Kysely, the same on SQLite and PostgreSQL. Each call is one bounded statement
 * (a `limit`ed select of keys, then a delete by key), so a live system's writers wait at most one batch.
 */
import { sql, type Kysely } from 'kysely';
import { parseJsonObject, parseJsonText } from '../json-columns.js';
import type { Database } from '../schema.js';
import {
  CLOSED_ALERT_STATUSES,
  CLOSED_APPEAL_STATES,
  CLOSED_CLUE_STATES,
  CLOSED_INCIDENT_STATES,
  FINISHED_DELIVERY_STATES,
  type ItemCandidates,
  type ItemCandidatesQuery,
  type RetentionRepository,
} from './types.js';

/** {@link RetentionRepository} over one database. */
export class KyselyRetentionRepository implements RetentionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async itemCandidates(query: ItemCandidatesQuery): Promise<ItemCandidates> {
    const { before, after } = query;
    let select = this.db
      .selectFrom('items as i')
      .select(['i.id', 'i.publishedAt', 'i.seq'])
      .where('i.publishedAt', '<', before)
      .orderBy('i.publishedAt')
      .orderBy('i.seq')
      .limit(query.limit);
    if (after) {
      select = select.where((eb) =>
        eb.or([
          eb('i.publishedAt', '>', after.publishedAt),
          eb.and([eb('i.publishedAt', '=', after.publishedAt), eb('i.seq', '>', after.seq)]),
        ]),
      );
    }
    if (query.kinds) select = select.where('i.kind', 'in', nonEmpty(query.kinds));
    if (query.excludeKinds.length > 0) select = select.where('i.kind', 'not in', query.excludeKinds);
    const rows = await select
      .where(({ exists, not, selectFrom }) =>
        not(
          exists(
            selectFrom('incidentItems as ii')
              .innerJoin('incidents as inc', 'inc.id', 'ii.incidentId')
              .select('ii.itemId')
              .whereRef('ii.itemId', '=', 'i.id')
              .where('inc.state', 'not in', CLOSED_INCIDENT_STATES),
          ),
        ),
      )
      .where(({ exists, not, selectFrom }) =>
        not(
          exists(
            selectFrom('appeals as a')
              .select('a.id')
              .whereRef('a.itemId', '=', 'i.id')
              .where('a.state', 'not in', CLOSED_APPEAL_STATES),
          ),
        ),
      )
      .where(({ exists, not, selectFrom }) =>
        not(
          exists(
            selectFrom('evidence as e')
              .select('e.id')
              .whereRef('e.itemId', '=', 'i.id')
              .where((eb) => this.openRecord(eb.ref('e.recordType'), eb.ref('e.recordId'))),
          ),
        ),
      )
      .where(({ exists, not, selectFrom }) =>
        not(
          exists(
            selectFrom('eventItems as ei')
              .innerJoin('events as ev', 'ev.id', 'ei.eventId')
              .select('ei.itemId')
              .whereRef('ei.itemId', '=', 'i.id')
              .where('ev.lastPublishedAt', '>=', before),
          ),
        ),
      )
      .execute();
    const last = rows.at(-1);
    return {
      ids: rows.map((row) => row.id),
      next: last && rows.length === query.limit ? { publishedAt: last.publishedAt, seq: last.seq } : null,
    };
  }

  async protectedItemIds(): Promise<Set<string>> {
    const ids = new Set<string>();
    const alerts = await this.db
      .selectFrom('alerts')
      .select('evidence')
      .where('status', 'not in', CLOSED_ALERT_STATUSES)
      .execute();
    for (const alert of alerts) {
      const items = parseJsonObject(alert.evidence, 'alerts.evidence')['items'];
      for (const item of Array.isArray(items) ? (items as unknown[]) : []) {
        const itemId =
          typeof item === 'object' && item !== null ? (item as { itemId?: unknown }).itemId : null;
        if (typeof itemId === 'string') ids.add(itemId);
      }
    }
    const clues = await this.db
      .selectFrom('clues')
      .select('itemIds')
      .where('state', 'not in', CLOSED_CLUE_STATES)
      .execute();
    for (const clue of clues) {
      const itemIds = parseJsonText(clue.itemIds, 'clues.item_ids');
      for (const id of Array.isArray(itemIds) ? (itemIds as unknown[]) : []) {
        if (typeof id === 'string') ids.add(id);
      }
    }
    return ids;
  }

  async deleteItems(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.db.deleteFrom('items').where('id', 'in', ids).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async purgeEvidence(before: number, limit: number): Promise<number> {
    const rows = await this.db
      .selectFrom('evidence as e')
      .select('e.id')
      .where('e.capturedAt', '<', before)
      .where((eb) => eb.not(this.openRecord(eb.ref('e.recordType'), eb.ref('e.recordId'))))
      .limit(limit)
      .execute();
    const ids = rows.map((row) => row.id);
    if (ids.length === 0) return 0;
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('evidenceBlobs').where('evidenceId', 'in', ids).execute();
      const result = await trx.deleteFrom('evidence').where('id', 'in', ids).executeTakeFirst();
      return Number(result.numDeletedRows);
    });
  }

  async purgeFetchRuns(before: number, limit: number): Promise<number> {
    const ids = this.db.selectFrom('fetchRuns').select('id').where('startedAt', '<', before).limit(limit);
    const result = await this.db.deleteFrom('fetchRuns').where('id', 'in', ids).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async purgeHealthEvents(before: number, limit: number): Promise<number> {
    const ids = this.db.selectFrom('sourceHealthEvents').select('id').where('at', '<', before).limit(limit);
    const result = await this.db.deleteFrom('sourceHealthEvents').where('id', 'in', ids).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async purgeDeliveries(before: number, limit: number): Promise<number> {
    const ids = this.db
      .selectFrom('alertDeliveries')
      .select('id')
      .where('state', 'in', FINISHED_DELIVERY_STATES)
      .where('updatedAt', '<', before)
      .limit(limit);
    const result = await this.db.deleteFrom('alertDeliveries').where('id', 'in', ids).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** True when the incident or clue a piece of evidence belongs to is still open. */
  private openRecord(recordType: unknown, recordId: unknown) {
    return sql<boolean>`(
      (${recordType} = 'incident' and exists (select 1 from incidents x where x.id = ${recordId}
        and x.state not in (${sql.join(CLOSED_INCIDENT_STATES)})))
      or (${recordType} = 'clue' and exists (select 1 from clues x where x.id = ${recordId}
        and x.state not in (${sql.join(CLOSED_CLUE_STATES)})))
    )`;
  }
}

function nonEmpty(kinds: readonly string[]): readonly string[] {
  return kinds.length > 0 ? kinds : [''];
}
