/**
 * The append-only audit log: entries are written once and never changed. Lists are newest first by
 * (at, id) with a keyset cursor; entries without a unit are visible only to an unrestricted scope.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AuditEntry } from '../../domain/index.js';
import { newId } from '../../platform/ids.js';
import { parseJsonObject, toJsonText } from '../json-columns.js';
import { decodeTimeIdCursor, pageLimit, toPage } from '../paging.js';
import type { AuditFilter, AuditRepository, Page, PageRequest, Scope } from '../repositories.js';
import type { AuditLogTable, Database } from '../schema.js';
import { whereInScope } from '../scope.js';

type AuditRow = Selectable<AuditLogTable>;

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actorUserId,
    unitId: row.unitId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    ip: row.ip,
    detail: parseJsonObject(row.detail, 'audit_log.detail'),
  };
}

/** The audit log in SQLite or PostgreSQL through Kysely. */
export class KyselyAuditRepository implements AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    const saved: AuditEntry = {
      id: newId(entry.at),
      at: entry.at,
      actorUserId: entry.actorUserId,
      unitId: entry.unitId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      ip: entry.ip,
      detail: entry.detail,
    };
    await this.db
      .insertInto('auditLog')
      .values({ ...saved, detail: toJsonText(saved.detail) })
      .execute();
    return saved;
  }

  /** Entries matching every given filter; `from` is inclusive and `to` exclusive (epoch ms). */
  async list(scope: Scope, filter: AuditFilter, page: PageRequest): Promise<Page<AuditEntry>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('auditLog')
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (filter.actorUserId !== undefined) query = query.where('actorUserId', '=', filter.actorUserId);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    if (filter.targetType !== undefined) query = query.where('targetType', '=', filter.targetType);
    if (filter.targetId !== undefined) query = query.where('targetId', '=', filter.targetId);
    if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('at', '<', filter.to);
    if (page.cursor) {
      const after = decodeTimeIdCursor(page.cursor);
      query = query.where((eb) =>
        eb.or([eb('at', '<', after.at), eb.and([eb('at', '=', after.at), eb('id', '<', after.id)])]),
      );
    }
    const rows = await whereInScope(query, scope).execute();
    return toPage(rows, limit, (row) => ({ at: row.at, id: row.id }), toEntry);
  }
}
