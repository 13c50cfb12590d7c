/**
 * The work-summary figures (工作总结) of a period, each from its own traced statement. The case figures
 * count what the work-summary statistics (`src/reports/stats`) count, on the same columns:
 * incidents by `opened_at`, appeals by `received_at` without merged duplicates (replied = `replied_at`
 * set, on time = `on_time` = 1), clues by `transferred_at` (filed = outcome `filed`, with an outcome = one
 * of the final outcomes), bulletins submitted (state `submitted`) by `submitted_at` and adopted /
 * instructed as distinct bulletins with an adoption / instruction dated in the period, publications by
 * `published_at`. Sources and schemes count those enabled now that existed before `to`.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { FINAL_CLUE_OUTCOMES, type AlertLevel } from '../../domain/index.js';
import type { ReportQuery, Traced, WorkFigures } from '../../domain/report-data.js';
import type { Database } from '../schema.js';
import { alertConditions, zeroLevels } from './alerts.js';
import { num } from './counts.js';
import { rankingQuery } from './events.js';
import { allOf, periodCondition, unitCondition } from './scope.js';
import { TraceLog } from './trace.js';

function scoped(query: ReportQuery, column: string, ...rest: RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  const units = unitCondition(query.unitIds, column);
  return allOf(units ? [units, ...rest] : rest);
}

function when(condition: RawBuilder<SqlBool>): RawBuilder<number> {
  return sql<number>`case when ${condition} then 1 else 0 end`;
}

function createdBefore(column: string, to: number): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} < ${to}`;
}

async function inventory(log: TraceLog, db: Kysely<Database>, query: ReportQuery) {
  const [sources] = await log.rows(
    db
      .selectFrom('sources')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(
        scoped(
          query,
          'sources.unitId',
          sql<SqlBool>`${sql.ref('sources.enabled')} = 1`,
          createdBefore('sources.createdAt', query.to),
        ),
      ),
  );
  const [schemes] = await log.rows(
    db
      .selectFrom('schemes')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(
        scoped(
          query,
          'schemes.unitId',
          sql<SqlBool>`${sql.ref('schemes.enabled')} = 1`,
          createdBefore('schemes.createdAt', query.to),
        ),
      ),
  );
  const [events] = await log.rows(
    db.selectFrom(rankingQuery(db, query).as('r')).select((eb) => eb.fn.countAll().as('n')),
  );
  return { sourcesMonitored: num(sources?.n), schemesActive: num(schemes?.n), eventsTracked: num(events?.n) };
}

async function alertsAndIncidents(log: TraceLog, db: Kysely<Database>, query: ReportQuery) {
  const alertRows = await log.rows(
    db
      .selectFrom('alerts')
      .select((eb) => ['alerts.level', eb.fn.countAll().as('n')])
      .where(alertConditions(query))
      .groupBy('alerts.level'),
    'raised = sum of the rows (in the application)',
  );
  const alerts = { raised: 0, byLevel: zeroLevels() };
  for (const row of alertRows) {
    alerts.raised += num(row.n);
    if (row.level in alerts.byLevel) alerts.byLevel[row.level as AlertLevel] += num(row.n);
  }
  const opened = periodCondition(query, 'incidents.openedAt');
  const closed = periodCondition(query, 'incidents.closedAt');
  const incidentRows = await log.rows(
    db
      .selectFrom('incidents')
      .select((eb) => [
        'incidents.level',
        eb.fn.sum(when(opened)).as('opened'),
        eb.fn.sum(when(closed)).as('closed'),
      ])
      .where(scoped(query, 'incidents.unitId', sql<SqlBool>`(${opened} or ${closed})`))
      .groupBy('incidents.level'),
    'opened and closed = sums of the rows; byLevel = opened per level (in the application)',
  );
  const incidents = { opened: 0, closed: 0, byLevel: zeroLevels() };
  for (const row of incidentRows) {
    incidents.opened += num(row.opened);
    incidents.closed += num(row.closed);
    if (row.level in incidents.byLevel) incidents.byLevel[row.level as AlertLevel] += num(row.opened);
  }
  return { alerts, incidents };
}

async function responsesAndBulletins(log: TraceLog, db: Kysely<Database>, query: ReportQuery) {
  const [responses] = await log.rows(
    db
      .selectFrom('incidentResponses')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(
        scoped(query, 'incidentResponses.unitId', periodCondition(query, 'incidentResponses.publishedAt')),
      ),
  );
  const [submitted] = await log.rows(
    db
      .selectFrom('bulletins')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(
        scoped(
          query,
          'bulletins.unitId',
          sql<SqlBool>`${sql.ref('bulletins.state')} = 'submitted'`,
          periodCondition(query, 'bulletins.submittedAt'),
        ),
      ),
  );
  const [adopted] = await log.rows(
    db
      .selectFrom('bulletinAdoptions')
      .select((eb) => eb.fn.count('bulletinAdoptions.bulletinId').distinct().as('n'))
      .where(
        scoped(query, 'bulletinAdoptions.unitId', periodCondition(query, 'bulletinAdoptions.adoptedAt')),
      ),
  );
  const [instructed] = await log.rows(
    db
      .selectFrom('bulletinInstructions')
      .select((eb) => eb.fn.count('bulletinInstructions.bulletinId').distinct().as('n'))
      .where(
        scoped(
          query,
          'bulletinInstructions.unitId',
          periodCondition(query, 'bulletinInstructions.instructedAt'),
        ),
      ),
  );
  return {
    responses: { published: num(responses?.n) },
    bulletins: { submitted: num(submitted?.n), adopted: num(adopted?.n), instructed: num(instructed?.n) },
  };
}

async function appealsCluesPublications(log: TraceLog, db: Kysely<Database>, query: ReportQuery) {
  const [appeals] = await log.rows(
    db
      .selectFrom('appeals')
      .select((eb) => [
        eb.fn.countAll().as('received'),
        eb.fn.count('appeals.repliedAt').as('replied'),
        eb.fn.sum(sql<number>`coalesce(${sql.ref('appeals.onTime')}, 0)`).as('onTime'),
      ])
      .where(
        scoped(
          query,
          'appeals.unitId',
          periodCondition(query, 'appeals.receivedAt'),
          sql<SqlBool>`${sql.ref('appeals.state')} != 'merged'`,
        ),
      ),
  );
  const outcome = sql.ref('clues.outcome');
  const [clues] = await log.rows(
    db
      .selectFrom('clues')
      .select((eb) => [
        eb.fn.countAll().as('transferred'),
        eb.fn.sum(when(sql<SqlBool>`${outcome} = 'filed'`)).as('filed'),
        eb.fn
          .sum(when(sql<SqlBool>`${outcome} in (${sql.join([...FINAL_CLUE_OUTCOMES])})`))
          .as('withOutcome'),
      ])
      .where(scoped(query, 'clues.unitId', periodCondition(query, 'clues.transferredAt'))),
  );
  const [publications] = await log.rows(
    db
      .selectFrom('publications')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(scoped(query, 'publications.unitId', periodCondition(query, 'publications.publishedAt'))),
  );
  return {
    appeals: {
      received: num(appeals?.received),
      replied: num(appeals?.replied),
      onTime: num(appeals?.onTime),
    },
    clues: {
      transferred: num(clues?.transferred),
      filed: num(clues?.filed),
      withOutcome: num(clues?.withOutcome),
    },
    publications: { published: num(publications?.n) },
  };
}

/** Every work-summary figure of the period. */
export async function workFigures(db: Kysely<Database>, query: ReportQuery): Promise<Traced<WorkFigures>> {
  const log = new TraceLog(db);
  const inventoryFigures = await inventory(log, db, query);
  const caseFigures = await alertsAndIncidents(log, db, query);
  const office = await responsesAndBulletins(log, db, query);
  const rest = await appealsCluesPublications(log, db, query);
  return log.done({ ...inventoryFigures, ...caseFigures, ...office, ...rest });
}
