/**
 * Alerts and their history in SQLite or PostgreSQL through Kysely. Lists are newest first by creation
 * time with a keyset cursor; merging adds to the count in one UPDATE so concurrent merges never lose one.
 */
import { sql, type Kysely, type Updateable } from 'kysely';
import type { AlertStatus } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation } from '../constraint-errors.js';
import { toJsonText } from '../json-columns.js';
import { beforeTimeId, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest, Scope } from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import { atomically } from '../transactions.js';
import { alertRow, toAlert, toHistory } from './rows.js';
import type { AlertsTable } from './tables.js';
import type {
  AlertFilter,
  AlertHistoryEntry,
  AlertPatch,
  AlertRecord,
  AlertRepository,
  NewAlert,
} from './types.js';

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `alert ${id} does not exist`, { id, entity: 'alert' });
}

/** Alerts through Kysely. */
export class KyselyAlertRepository implements AlertRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(alert: NewAlert): Promise<AlertRecord> {
    const row = alertRow(alert.id ?? newId(alert.createdAt), alert);
    try {
      await this.db.insertInto('alerts').values(row).execute();
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw new AppError('NOT_FOUND', `unit ${alert.unitId} does not exist`, {
        id: alert.unitId,
        entity: 'unit',
      });
    }
    return toAlert(row);
  }

  async get(id: string, scope?: Scope): Promise<AlertRecord | null> {
    const query = this.db.selectFrom('alerts').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toAlert(row) : null;
  }

  async list(scope: Scope, filter: AlertFilter, page: PageRequest): Promise<Page<AlertRecord>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('alerts')
      .selectAll()
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (filter.levels?.length) query = query.where('level', 'in', filter.levels);
    if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses);
    if (filter.triggers?.length) query = query.where('trigger', 'in', filter.triggers);
    if (filter.from !== undefined) query = query.where('createdAt', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('createdAt', '<', filter.to);
    if (filter.schemeId !== undefined) query = query.where('schemeId', '=', filter.schemeId);
    if (filter.eventId !== undefined) query = query.where('eventId', '=', filter.eventId);
    if (filter.ruleId !== undefined) query = query.where('ruleId', '=', filter.ruleId);
    if (page.cursor) query = query.where(beforeTimeId('createdAt', page.cursor));
    const rows = await whereInScope(query, scope).execute();
    return toPage(rows, limit, (row) => ({ at: row.createdAt, id: row.id }), toAlert);
  }

  async findOpenByMergeKey(unitId: string, mergeKey: string): Promise<AlertRecord | null> {
    const row = await this.db
      .selectFrom('alerts')
      .selectAll()
      .where('mergeKey', '=', mergeKey)
      .where('unitId', '=', unitId)
      .where('status', '!=', 'closed')
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row ? toAlert(row) : null;
  }

  async merge(
    id: string,
    change: { countDelta: number; at: number; level?: AlertRecord['level']; notifiedCount?: number },
  ): Promise<AlertRecord> {
    const result = await this.db
      .updateTable('alerts')
      .set({
        count: sql<number>`${sql.ref('count')} + ${change.countDelta}`,
        lastFiredAt: change.at,
        updatedAt: change.at,
        ...(change.level !== undefined && { level: change.level }),
        ...(change.notifiedCount !== undefined && { notifiedCount: change.notifiedCount }),
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound(id);
    return this.mustGet(id);
  }

  async update(id: string, patch: AlertPatch, at: number): Promise<AlertRecord> {
    const columns: Updateable<AlertsTable> = { ...patch, updatedAt: at };
    const result = await this.db.updateTable('alerts').set(columns).where('id', '=', id).executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound(id);
    return this.mustGet(id);
  }

  async listByStatus(statuses: readonly AlertStatus[], limit: number): Promise<AlertRecord[]> {
    if (statuses.length === 0) return [];
    const rows = await this.db
      .selectFrom('alerts')
      .selectAll()
      .where('status', 'in', [...statuses])
      .orderBy('createdAt')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toAlert);
  }

  async listHeldDue(now: number, limit: number): Promise<AlertRecord[]> {
    const rows = await this.db
      .selectFrom('alerts')
      .selectAll()
      .where('heldUntil', 'is not', null)
      .where('heldUntil', '<=', now)
      .orderBy('heldUntil')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toAlert);
  }

  async appendHistory(entry: Omit<AlertHistoryEntry, 'id'>): Promise<AlertHistoryEntry> {
    const id = newId(entry.at);
    try {
      await atomically(this.db, async (db) => {
        const last = await db
          .selectFrom('alertHistory')
          .select((eb) => eb.fn.max('seq').as('seq'))
          .where('alertId', '=', entry.alertId)
          .executeTakeFirst();
        const seq = Number(last?.seq ?? 0) + 1;
        await db
          .insertInto('alertHistory')
          .values({ ...entry, id, seq, detail: toJsonText(entry.detail) })
          .execute();
      });
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw notFound(entry.alertId);
    }
    return { ...entry, id };
  }

  async history(alertId: string): Promise<AlertHistoryEntry[]> {
    const rows = await this.db
      .selectFrom('alertHistory')
      .selectAll()
      .where('alertId', '=', alertId)
      .orderBy('seq')
      .execute();
    return rows.map(toHistory);
  }

  private async mustGet(id: string): Promise<AlertRecord> {
    const found = await this.get(id);
    if (!found) throw notFound(id);
    return found;
  }
}
