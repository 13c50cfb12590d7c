/**
 * Incidents and appeals of a period ({@link CaseSummary}).
 *
 * - Incidents: opened = `opened_at` in the period; closed = `closed_at` in the period (a reopened incident
 *   has its `closed_at` cleared, so it counts again when closed again).
 * - Appeals: opened = `received_at` in the period, merged duplicates left out (as the work summary counts
 *   them); closed = `replied_at` in the period (a reply is what ends an appeal for the office; closing
 *   after the citizen's verdict comes later).
 * - In progress at `to`: opened before `to` and not finished before `to`. An incident is finished when it
 *   is `closed` with `closed_at < to`; an appeal when it is replied, closed, merged or rejected with
 *   `coalesce(replied_at, closed_at, 0) < to` (merges and rejections carry no time and count as finished).
 * - Overdue: in progress with an open deadline (`case_deadlines`, record type `incident` / `appeal`, not
 *   done by `to`: `done_at` null or at/after `to`) due before `to`. The list shows the nearest such due time.
 */
import { sql, type AliasedSelectQueryBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { AppealState, IncidentState } from '../../domain/index.js';
import type { CaseSummary, OpenCaseBrief, ReportQuery, Traced } from '../../domain/report-data.js';
import type { Database } from '../schema.js';
import { num } from './counts.js';
import { allOf, periodCondition, unitCondition } from './scope.js';
import { TraceLog } from './trace.js';

/** Open cases listed at most. */
const LIST_LIMIT = 20;

/** A row of the open-cases derived table. */
interface OpenRow {
  id: string;
  title: string;
  state: string;
  openedAt: number;
  dueAt: number | null;
}

type OpenTable = AliasedSelectQueryBuilder<OpenRow, 'o'>;

function scoped(query: ReportQuery, column: string, ...rest: RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  const units = unitCondition(query.unitIds, column);
  return allOf(units ? [units, ...rest] : rest);
}

/** The nearest deadline of the record not done by `to`. */
function nearestDue(recordType: string, idColumn: string, to: number): RawBuilder<number | null> {
  return sql<
    number | null
  >`(select min(${sql.ref('caseDeadlines.dueAt')}) from ${sql.table('caseDeadlines')} where ${sql.ref('caseDeadlines.recordType')} = ${recordType} and ${sql.ref('caseDeadlines.recordId')} = ${sql.ref(idColumn)} and (${sql.ref('caseDeadlines.doneAt')} is null or ${sql.ref('caseDeadlines.doneAt')} >= ${to}))`;
}

function openIncidents(db: Kysely<Database>, query: ReportQuery): OpenTable {
  return db
    .selectFrom('incidents')
    .select([
      'incidents.id',
      'incidents.title',
      'incidents.state',
      'incidents.openedAt',
      nearestDue('incident', 'incidents.id', query.to).as('dueAt'),
    ])
    .where(
      scoped(
        query,
        'incidents.unitId',
        sql<SqlBool>`${sql.ref('incidents.openedAt')} < ${query.to}`,
        sql<SqlBool>`not (${sql.ref('incidents.state')} = 'closed' and coalesce(${sql.ref('incidents.closedAt')}, 0) < ${query.to})`,
      ),
    )
    .as('o');
}

function openAppeals(db: Kysely<Database>, query: ReportQuery): OpenTable {
  return db
    .selectFrom('appeals')
    .select([
      'appeals.id',
      'appeals.title',
      'appeals.state',
      'appeals.receivedAt as openedAt',
      nearestDue('appeal', 'appeals.id', query.to).as('dueAt'),
    ])
    .where(
      scoped(
        query,
        'appeals.unitId',
        sql<SqlBool>`${sql.ref('appeals.receivedAt')} < ${query.to}`,
        sql<SqlBool>`not (${sql.ref('appeals.state')} in ('replied', 'closed', 'merged', 'rejected') and coalesce(${sql.ref('appeals.repliedAt')}, ${sql.ref('appeals.closedAt')}, 0) < ${query.to})`,
      ),
    )
    .as('o');
}

/** In progress, overdue and the list, from the open-cases derived table (two statements). */
async function openSummary(
  log: TraceLog,
  db: Kysely<Database>,
  open: () => OpenTable,
  to: number,
): Promise<Pick<CaseSummary, 'inProgress' | 'overdue' | 'list'>> {
  const overdueSql = sql<number>`case when ${sql.ref('o.dueAt')} < ${to} then 1 else 0 end`;
  const [counts] = await log.rows(
    db.selectFrom(open()).select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum(overdueSql).as('overdue')]),
  );
  const rows = await log.rows(
    db
      .selectFrom(open())
      .selectAll()
      .orderBy(sql`case when ${sql.ref('o.dueAt')} < ${to} then 0 else 1 end`)
      .orderBy(sql`case when ${sql.ref('o.dueAt')} is null then 1 else 0 end`)
      .orderBy('o.dueAt')
      .orderBy('o.openedAt')
      .orderBy('o.id')
      .limit(LIST_LIMIT),
    'overdue = dueAt < to (in the application, as in the SQL)',
  );
  const list: OpenCaseBrief[] = rows.map((row) => {
    const dueAt = row.dueAt === null ? null : num(row.dueAt);
    return {
      id: row.id,
      title: row.title,
      state: row.state as IncidentState | AppealState,
      openedAt: num(row.openedAt),
      dueAt,
      overdue: dueAt !== null && dueAt < to,
    };
  });
  return { inProgress: num(counts?.n), overdue: num(counts?.overdue), list };
}

/** Incidents opened and closed in the period and in progress at its end. */
export async function incidentSummary(
  db: Kysely<Database>,
  query: ReportQuery,
): Promise<Traced<CaseSummary>> {
  const log = new TraceLog(db);
  const opened = periodCondition(query, 'incidents.openedAt');
  const closed = periodCondition(query, 'incidents.closedAt');
  const [counts] = await log.rows(
    db
      .selectFrom('incidents')
      .select((eb) => [
        eb.fn.sum(sql<number>`case when ${opened} then 1 else 0 end`).as('opened'),
        eb.fn.sum(sql<number>`case when ${closed} then 1 else 0 end`).as('closed'),
      ])
      .where(scoped(query, 'incidents.unitId', sql<SqlBool>`(${opened} or ${closed})`)),
  );
  const open = await openSummary(log, db, () => openIncidents(db, query), query.to);
  return log.done({ openedInPeriod: num(counts?.opened), closedInPeriod: num(counts?.closed), ...open });
}

/** Appeals received and replied in the period and in progress at its end. */
export async function appealSummary(db: Kysely<Database>, query: ReportQuery): Promise<Traced<CaseSummary>> {
  const log = new TraceLog(db);
  const received = sql<SqlBool>`(${periodCondition(query, 'appeals.receivedAt')} and ${sql.ref('appeals.state')} != 'merged')`;
  const replied = periodCondition(query, 'appeals.repliedAt');
  const [counts] = await log.rows(
    db
      .selectFrom('appeals')
      .select((eb) => [
        eb.fn.sum(sql<number>`case when ${received} then 1 else 0 end`).as('opened'),
        eb.fn.sum(sql<number>`case when ${replied} then 1 else 0 end`).as('closed'),
      ])
      .where(scoped(query, 'appeals.unitId', sql<SqlBool>`(${received} or ${replied})`)),
  );
  const open = await openSummary(log, db, () => openAppeals(db, query), query.to);
  return log.done({ openedInPeriod: num(counts?.opened), closedInPeriod: num(counts?.closed), ...open });
}
