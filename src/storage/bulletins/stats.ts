/**
 * Bulletin statistics as grouped queries: submissions of a period, and adoptions and instructions dated in
 * it by unit and level (each unit scores by its own scheme), with how many distinct bulletins they touch.
 */
import type { Kysely } from 'kysely';
import type { BulletinLevel } from '../../domain/index.js';
import type { Scope } from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import type { StatsPeriod } from '../publications/types.js';
import type { BulletinStatsRows } from './types.js';

/** What happened to bulletins of `scope` in `period` (BulletinRepository.stats). */
export async function bulletinStatsRows(
  db: Kysely<Database>,
  scope: Scope,
  period: StatsPeriod,
): Promise<BulletinStatsRows> {
  const submitted = await whereInScope(
    db
      .selectFrom('bulletins')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('state', '=', 'submitted')
      .where('submittedAt', '>=', period.from)
      .where('submittedAt', '<', period.to),
    scope,
  ).executeTakeFirst();
  const [adoptions, adoptedBulletins] = await grouped(db, 'bulletinAdoptions', 'adoptedAt', scope, period);
  const [instructions, instructedBulletins] = await grouped(
    db,
    'bulletinInstructions',
    'instructedAt',
    scope,
    period,
  );
  return {
    submitted: Number(submitted?.n ?? 0),
    adoptedBulletins,
    instructedBulletins,
    adoptions,
    instructions,
  };
}

/** Counts of adoptions or instructions in the period by unit and level, and how many bulletins they touch. */
async function grouped(
  db: Kysely<Database>,
  table: 'bulletinAdoptions' | 'bulletinInstructions',
  column: 'adoptedAt' | 'instructedAt',
  scope: Scope,
  period: StatsPeriod,
): Promise<[Array<{ unitId: string; level: BulletinLevel; count: number }>, number]> {
  const rows = await whereInScope(
    db
      .selectFrom(table)
      .select((eb) => ['unitId', 'level', eb.fn.countAll<number | string>().as('n')])
      .where(column, '>=', period.from)
      .where(column, '<', period.to)
      .groupBy(['unitId', 'level']),
    scope,
  ).execute();
  const distinct = await whereInScope(
    db
      .selectFrom(table)
      .select((eb) => eb.fn.count<number | string>('bulletinId').distinct().as('n'))
      .where(column, '>=', period.from)
      .where(column, '<', period.to),
    scope,
  ).executeTakeFirst();
  return [
    rows.map((row) => ({ unitId: row.unitId, level: row.level as BulletinLevel, count: Number(row.n) })),
    Number(distinct?.n ?? 0),
  ];
}
