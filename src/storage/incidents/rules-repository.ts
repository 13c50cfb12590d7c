/**
 * Units' incident deadline rules through Kysely: one row per unit, level and kind. A unit without rules
 * of its own inherits those of its nearest ancestor (walked up the unit tree); the national defaults
 * apply above that (src/cases/incidents/deadlines.ts, which storage does not import).
 */
import type { Kysely } from 'kysely';
import type {
  DeadlineUnit,
  IncidentDeadlineKind,
  IncidentDeadlineRule,
  IncidentLevel,
} from '../../domain/index.js';
import type { Database } from '../schema.js';
import type { IncidentDeadlineRuleRepository, StoredIncidentDeadlineRules } from './types.js';

/** How deep the unit tree is walked at most (a guard against a damaged tree). */
const MAX_DEPTH = 32;

/** Deadline rules in SQLite or PostgreSQL. */
export class KyselyIncidentDeadlineRuleRepository implements IncidentDeadlineRuleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(unitId: string): Promise<StoredIncidentDeadlineRules | null> {
    const rows = await this.db
      .selectFrom('incidentDeadlineRules')
      .selectAll()
      .where('unitId', '=', unitId)
      .orderBy('level')
      .orderBy('kind')
      .execute();
    const first = rows[0];
    if (!first) return null;
    const rules: IncidentDeadlineRule[] = rows.map((row) => ({
      level: row.level as IncidentLevel,
      kind: row.kind as IncidentDeadlineKind,
      amount: row.amount,
      unit: row.amountUnit as DeadlineUnit,
      remindBeforeMinutes: row.remindBeforeMinutes,
    }));
    return { unitId, rules, updatedBy: first.updatedBy, updatedAt: first.updatedAt };
  }

  async replace(
    unitId: string,
    rules: readonly IncidentDeadlineRule[],
    by: string | null,
    at: number,
  ): Promise<void> {
    await this.db.deleteFrom('incidentDeadlineRules').where('unitId', '=', unitId).execute();
    if (rules.length === 0) return;
    await this.db
      .insertInto('incidentDeadlineRules')
      .values(
        rules.map((rule) => ({
          unitId,
          level: rule.level,
          kind: rule.kind,
          amount: rule.amount,
          amountUnit: rule.unit,
          remindBeforeMinutes: rule.remindBeforeMinutes,
          updatedBy: by,
          updatedAt: at,
        })),
      )
      .execute();
  }

  async remove(unitId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('incidentDeadlineRules')
      .where('unitId', '=', unitId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async effective(unitId: string): Promise<StoredIncidentDeadlineRules | null> {
    let current: string | null = unitId;
    for (let depth = 0; current !== null && depth < MAX_DEPTH; depth++) {
      const own = await this.get(current);
      if (own) return own;
      const unit: { parentId: string | null } | undefined = await this.db
        .selectFrom('units')
        .select('parentId')
        .where('id', '=', current)
        .executeTakeFirst();
      current = unit?.parentId ?? null;
    }
    return null;
  }
}
