/**
 * Alerts raised in a period. An alert is raised when it is created (`alerts.created_at`, the time its
 * first firing was stored and the column its unit index covers); `started_at` is the notice's 起始时间,
 * when the matter itself began, which may be earlier.
 */
import { sql, type Kysely } from 'kysely';
import { ALERT_LEVELS, ALERT_STATUSES, type AlertLevel, type AlertStatus } from '../../domain/index.js';
import type { AlertSummary, ReportQuery, Traced } from '../../domain/report-data.js';
import type { Database } from '../schema.js';
import { num } from './counts.js';
import { allOf, periodCondition, unitCondition } from './scope.js';
import { TraceLog } from './trace.js';

/** Alerts listed at most. */
const LIST_LIMIT = 20;

/** Red first, then orange, yellow, blue (anything else last). */
const SEVERITY_SQL = sql<number>`case ${sql.ref('alerts.level')} when 'red' then 0 when 'orange' then 1 when 'yellow' then 2 when 'blue' then 3 else 4 end`;

/** Every level at 0. */
export function zeroLevels(): Record<AlertLevel, number> {
  return Object.fromEntries(ALERT_LEVELS.map((level) => [level, 0])) as Record<AlertLevel, number>;
}

function zeroStatuses(): Record<AlertStatus, number> {
  return Object.fromEntries(ALERT_STATUSES.map((status) => [status, 0])) as Record<AlertStatus, number>;
}

/** Units and raise time of `query` on `alerts`. */
export function alertConditions(query: ReportQuery) {
  const units = unitCondition(query.unitIds, 'alerts.unitId');
  const period = periodCondition(query, 'alerts.createdAt');
  return allOf(units ? [units, period] : [period]);
}

/** Alerts raised in the period: by level, by status now, and the most severe then newest. */
export async function alertSummary(db: Kysely<Database>, query: ReportQuery): Promise<Traced<AlertSummary>> {
  const log = new TraceLog(db);
  const where = alertConditions(query);
  const grouped = await log.rows(
    db
      .selectFrom('alerts')
      .select((eb) => ['alerts.level', 'alerts.status', eb.fn.countAll().as('n')])
      .where(where)
      .groupBy(['alerts.level', 'alerts.status']),
    'raised = sum of the rows; byLevel and byStatus summed from the rows in the application',
  );
  const byLevel = zeroLevels();
  const byStatus = zeroStatuses();
  let raised = 0;
  for (const row of grouped) {
    const n = num(row.n);
    raised += n;
    if (row.level in byLevel) byLevel[row.level as AlertLevel] += n;
    if (row.status in byStatus) byStatus[row.status as AlertStatus] += n;
  }
  const rows = await log.rows(
    db
      .selectFrom('alerts')
      .select(['alerts.id', 'alerts.level', 'alerts.title', 'alerts.createdAt', 'alerts.status'])
      .where(where)
      .orderBy(SEVERITY_SQL)
      .orderBy('alerts.createdAt', 'desc')
      .orderBy('alerts.id')
      .limit(LIST_LIMIT),
  );
  const list = rows.map((row) => ({
    id: row.id,
    level: row.level as AlertLevel,
    title: row.title,
    raisedAt: num(row.createdAt),
    status: row.status as AlertStatus,
  }));
  return log.done({ raised, byLevel, byStatus, list });
}
