/**
 * Alert rules in SQLite or PostgreSQL through Kysely. Every change bumps the version and writes the new
 * version into `alert_rule_versions` in the same transaction, so an alert's rule version can always be
 * shown as it was. Lists are newest first (id descending) with a keyset cursor.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation } from '../constraint-errors.js';
import { toJsonText } from '../json-columns.js';
import { decodeIdCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest, Scope } from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import { atomically } from '../transactions.js';
import { toRule, toRuleVersion } from './rows.js';
import type { AlertRuleInput, AlertRuleRepository, AlertRuleVersion, StoredAlertRule } from './types.js';

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `alert rule ${id} does not exist`, { id, entity: 'alert_rule' });
}

/** Alert rules through Kysely. */
export class KyselyAlertRuleRepository implements AlertRuleRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(
    input: AlertRuleInput & { unitId: string; createdBy: string | null },
  ): Promise<StoredAlertRule> {
    const now = this.clock.now();
    const row = {
      id: newId(now),
      unitId: input.unitId,
      name: input.name,
      enabled: input.enabled ? 1 : 0,
      triggerKind: input.triggerKind,
      version: 1,
      definition: toJsonText(input.definition),
      createdBy: input.createdBy,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await atomically(this.db, async (db) => {
        await db.insertInto('alertRules').values(row).execute();
        await db
          .insertInto('alertRuleVersions')
          .values({
            ruleId: row.id,
            version: 1,
            unitId: row.unitId,
            name: row.name,
            enabled: row.enabled,
            definition: row.definition,
            changedBy: input.createdBy,
            changedAt: now,
          })
          .execute();
      });
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw new AppError('NOT_FOUND', `unit ${input.unitId} does not exist`, {
        id: input.unitId,
        entity: 'unit',
      });
    }
    return toRule(row);
  }

  async get(id: string, scope?: Scope): Promise<StoredAlertRule | null> {
    const query = this.db.selectFrom('alertRules').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toRule(row) : null;
  }

  async list(
    scope: Scope,
    filter: { enabled?: boolean; triggerKind?: string },
    page: PageRequest,
  ): Promise<Page<StoredAlertRule>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('alertRules')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (filter.enabled !== undefined) query = query.where('enabled', '=', filter.enabled ? 1 : 0);
    if (filter.triggerKind !== undefined) query = query.where('triggerKind', '=', filter.triggerKind);
    if (page.cursor) query = query.where('id', '<', decodeIdCursor(page.cursor).id);
    const rows = await whereInScope(query, scope).execute();
    return toPage(rows, limit, (row) => ({ id: row.id }), toRule);
  }

  async listEnabled(unitIds: readonly string[] | null): Promise<StoredAlertRule[]> {
    const query = this.db.selectFrom('alertRules').selectAll().where('enabled', '=', 1).orderBy('id');
    const rows = await whereInScope(query, { unitIds }).execute();
    return rows.map(toRule);
  }

  async update(id: string, input: AlertRuleInput & { changedBy: string | null }): Promise<StoredAlertRule> {
    const now = this.clock.now();
    const definition = toJsonText(input.definition);
    const enabled = input.enabled ? 1 : 0;
    await atomically(this.db, async (db) => {
      const current = await db
        .selectFrom('alertRules')
        .select(['version', 'unitId'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!current) throw notFound(id);
      const version = current.version + 1;
      await db
        .updateTable('alertRules')
        .set({
          name: input.name,
          enabled,
          triggerKind: input.triggerKind,
          definition,
          version,
          updatedAt: now,
        })
        .where('id', '=', id)
        .execute();
      await db
        .insertInto('alertRuleVersions')
        .values({
          ruleId: id,
          version,
          unitId: current.unitId,
          name: input.name,
          enabled,
          definition,
          changedBy: input.changedBy,
          changedAt: now,
        })
        .execute();
    });
    const updated = await this.get(id);
    if (!updated) throw notFound(id);
    return updated;
  }

  async delete(id: string): Promise<void> {
    const result = await this.db.deleteFrom('alertRules').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound(id);
  }

  async versions(ruleId: string): Promise<AlertRuleVersion[]> {
    const rows = await this.db
      .selectFrom('alertRuleVersions')
      .selectAll()
      .where('ruleId', '=', ruleId)
      .orderBy('version', 'desc')
      .execute();
    return rows.map(toRuleVersion);
  }
}
