/**
 * Incidents in SQLite or PostgreSQL through Kysely, with their items, transfers and notification records.
 * Lists are newest opened first with a keyset cursor; counts and statistics are grouped in SQL.
 */
import { sql, type Kysely, type SelectQueryBuilder, type Updateable } from 'kysely';
import {
  INCIDENT_STATES,
  type Incident,
  type IncidentLevel,
  type IncidentNotification,
  type IncidentState,
  type IncidentTransfer,
  type VerificationResult,
} from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation } from '../constraint-errors.js';
import { toJsonText } from '../json-columns.js';
import { decodeTimeIdCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest, Scope } from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import { incidentRow, toIncident } from './rows.js';
import type { IncidentsTable } from './tables.js';
import type {
  IncidentFilter,
  IncidentItemLink,
  IncidentPatch,
  IncidentRepository,
  IncidentStatisticsRow,
} from './types.js';

type IncidentQuery = SelectQueryBuilder<Database, 'incidents', object>;

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `incident ${id} does not exist`, { id, entity: 'incident' });
}

function patchColumns(patch: IncidentPatch, at: number): Updateable<IncidentsTable> {
  const { verification, review, ...plain } = patch;
  return {
    ...plain,
    ...(verification !== undefined && {
      verification: verification === null ? null : toJsonText(verification),
      verificationResult: verification?.result ?? null,
    }),
    ...(review !== undefined && { review: review === null ? null : toJsonText(review) }),
    updatedAt: at,
  };
}

function filtered<Q extends IncidentQuery>(query: Q, filter: IncidentFilter, withStates: boolean): Q {
  let q = query;
  if (withStates && filter.states?.length) q = q.where('state', 'in', filter.states) as Q;
  if (filter.levels?.length) q = q.where('level', 'in', filter.levels) as Q;
  if (filter.unitIds?.length) q = q.where('unitId', 'in', filter.unitIds) as Q;
  if (filter.handlerUserId !== undefined) q = q.where('handlerUserId', '=', filter.handlerUserId) as Q;
  if (filter.category !== undefined) q = q.where('category', '=', filter.category) as Q;
  if (filter.alertId !== undefined) q = q.where('alertId', '=', filter.alertId) as Q;
  if (filter.eventId !== undefined) q = q.where('eventId', '=', filter.eventId) as Q;
  if (filter.from !== undefined) q = q.where('openedAt', '>=', filter.from) as Q;
  if (filter.to !== undefined) q = q.where('openedAt', '<', filter.to) as Q;
  const results = filter.verification;
  if (results?.length) {
    const named = results.filter((r): r is VerificationResult => r !== 'none');
    const none = results.includes('none');
    q = q.where((eb) =>
      eb.or([
        ...(named.length > 0 ? [eb('verificationResult', 'in', named)] : []),
        ...(none ? [eb('verificationResult', 'is', null)] : []),
      ]),
    ) as Q;
  }
  return q;
}

/** Incidents through Kysely. */
export class KyselyIncidentRepository implements IncidentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(incident: Incident): Promise<Incident> {
    try {
      await this.db.insertInto('incidents').values(incidentRow(incident)).execute();
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw new AppError('NOT_FOUND', `unit ${incident.unitId} does not exist`, {
        id: incident.unitId,
        entity: 'unit',
      });
    }
    return incident;
  }

  async get(id: string, scope?: Scope): Promise<Incident | null> {
    const query = this.db.selectFrom('incidents').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toIncident(row) : null;
  }

  async update(id: string, patch: IncidentPatch, at: number): Promise<Incident> {
    const result = await this.db
      .updateTable('incidents')
      .set(patchColumns(patch, at))
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound(id);
    const updated = await this.get(id);
    if (!updated) throw notFound(id);
    return updated;
  }

  async list(scope: Scope, filter: IncidentFilter, page: PageRequest): Promise<Page<Incident>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('incidents')
      .selectAll()
      .orderBy('openedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (page.cursor) {
      const after = decodeTimeIdCursor(page.cursor);
      query = query.where((eb) =>
        eb.or([
          eb('openedAt', '<', after.at),
          eb.and([eb('openedAt', '=', after.at), eb('id', '<', after.id)]),
        ]),
      );
    }
    const rows = await whereInScope(filtered(query, filter, true), scope).execute();
    return toPage(rows, limit, (row) => ({ at: row.openedAt, id: row.id }), toIncident);
  }

  async countByState(scope: Scope, filter: IncidentFilter): Promise<Record<IncidentState, number>> {
    const query = this.db
      .selectFrom('incidents')
      .select((eb) => ['state', eb.fn.countAll<number | string>().as('count')])
      .groupBy('state');
    const rows = await whereInScope(filtered(query, filter, false), scope).execute();
    const counts = Object.fromEntries(INCIDENT_STATES.map((s) => [s, 0])) as Record<IncidentState, number>;
    for (const row of rows) counts[row.state as IncidentState] = Number(row.count);
    return counts;
  }

  async addItems(
    incidentId: string,
    itemIds: readonly string[],
    by: string | null,
    at: number,
  ): Promise<number> {
    const unique = [...new Set(itemIds)];
    if (unique.length === 0) return 0;
    const result = await this.db
      .insertInto('incidentItems')
      .values(unique.map((itemId) => ({ incidentId, itemId, addedBy: by, addedAt: at })))
      .onConflict((oc) => oc.columns(['incidentId', 'itemId']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n);
  }

  listItems(incidentId: string): Promise<IncidentItemLink[]> {
    return this.db
      .selectFrom('incidentItems')
      .selectAll()
      .where('incidentId', '=', incidentId)
      .orderBy('addedAt')
      .orderBy('itemId')
      .execute();
  }

  async addTransfer(transfer: Omit<IncidentTransfer, 'id'>): Promise<IncidentTransfer> {
    const row = { id: newId(transfer.at), ...transfer };
    await this.db.insertInto('incidentTransfers').values(row).execute();
    return row;
  }

  listTransfers(incidentId: string): Promise<IncidentTransfer[]> {
    return this.db
      .selectFrom('incidentTransfers')
      .selectAll()
      .where('incidentId', '=', incidentId)
      .orderBy('at')
      .orderBy('id')
      .execute();
  }

  async addNotification(notification: Omit<IncidentNotification, 'id'>): Promise<IncidentNotification> {
    const row = { id: newId(notification.createdAt), ...notification };
    await this.db.insertInto('incidentNotifications').values(row).execute();
    return row;
  }

  listNotifications(incidentId: string): Promise<IncidentNotification[]> {
    return this.db
      .selectFrom('incidentNotifications')
      .selectAll()
      .where('incidentId', '=', incidentId)
      .orderBy('notifiedAt')
      .orderBy('id')
      .execute();
  }

  async statistics(query: {
    unitIds: readonly string[] | null;
    from: number;
    to: number;
  }): Promise<IncidentStatisticsRow[]> {
    const select = this.db
      .selectFrom('incidents')
      .select((eb) => [
        'unitId',
        'level',
        'verificationResult',
        eb.fn.countAll<number | string>().as('count'),
      ])
      .where('openedAt', '>=', query.from)
      .where('openedAt', '<', query.to)
      .groupBy(['unitId', 'level', 'verificationResult'])
      .orderBy('unitId')
      .orderBy('level')
      .orderBy(sql`coalesce(verification_result, '')`);
    const rows = await whereInScope(select, { unitIds: query.unitIds }).execute();
    return rows.map((row) => ({
      unitId: row.unitId,
      level: row.level as IncidentLevel,
      verificationResult: row.verificationResult as VerificationResult | null,
      count: Number(row.count),
    }));
  }
}
