/**
 * Appeal statistics as one grouped query: appeals received in a period (merged duplicates left out), by
 * unit, department or category, with the counts and rates the work summary and the console show.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { AppealStatGroup, AppealStats } from '../../domain/index.js';
import type { Scope } from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';

const GROUP_COLUMN = { unit: 'unitId', department: 'departmentId', category: 'category' } as const;

function countWhere(
  eb: ExpressionBuilder<Database, 'appeals'>,
  column: 'state' | 'satisfaction',
  value: string,
) {
  return eb.fn.sum<number>(eb.case().when(column, '=', value).then(1).else(0).end());
}

/** Figures of appeals of units in scope received in [from, to), one row per group, by group key. */
export async function appealStats(
  db: Kysely<Database>,
  scope: Scope,
  period: { from: number; to: number },
  groupBy: AppealStatGroup,
): Promise<AppealStats[]> {
  const column = GROUP_COLUMN[groupBy];
  const rows = await whereInScope(
    db
      .selectFrom('appeals')
      .select((eb) => [
        eb.ref(column).as('key'),
        eb.fn.countAll<number>().as('received'),
        countWhere(eb, 'state', 'rejected').as('rejected'),
        eb.fn.count<number>('repliedAt').as('replied'),
        eb.fn.sum<number>(eb.fn.coalesce('onTime', eb.lit(0))).as('onTime'),
        eb.fn.avg<number>('handlingDays').as('averageHandlingDays'),
        countWhere(eb, 'satisfaction', 'satisfied').as('satisfied'),
        countWhere(eb, 'satisfaction', 'basically_satisfied').as('basicallySatisfied'),
        countWhere(eb, 'satisfaction', 'unsatisfied').as('unsatisfied'),
      ])
      .where('receivedAt', '>=', period.from)
      .where('receivedAt', '<', period.to)
      .where('state', '!=', 'merged')
      .groupBy(column)
      .orderBy(column),
    scope,
  ).execute();
  return rows.map((row) => {
    const received = Number(row.received);
    const rejected = Number(row.rejected);
    const replied = Number(row.replied);
    const onTime = Number(row.onTime);
    const due = received - rejected;
    return {
      key: row.key,
      received,
      rejected,
      replied,
      onTime,
      replyRate: due > 0 ? replied / due : null,
      onTimeRate: replied > 0 ? onTime / replied : null,
      averageHandlingDays:
        row.averageHandlingDays === null ? null : Math.round(Number(row.averageHandlingDays) * 100) / 100,
      satisfied: Number(row.satisfied),
      basicallySatisfied: Number(row.basicallySatisfied),
      unsatisfied: Number(row.unsatisfied),
    };
  });
}
