/**
 * Events of a period, ranked by their items published in it: the ranking is one grouped join
 * (items → event_items → events, merged events left out), then the ranked events and their
 * representative items are read by id.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { EventBrief, ItemBrief, ReportQuery, Traced } from '../../domain/report-data.js';
import { AppError } from '../../platform/errors.js';
import { toEventRecord } from '../events/rows.js';
import type { EventsTable } from '../events/tables.js';
import type { Database } from '../schema.js';
import { loadBriefs } from './briefs.js';
import { num } from './counts.js';
import { allOf, itemConditions, unitCondition } from './scope.js';
import { TraceLog } from './trace.js';

/** Representatives quoted per event. */
const REPRESENTATIVES = 3;
/** The most events a ranking may ask for. */
const MAX_EVENTS = 200;

/** The counts of an event within the period. */
export interface EventPeriodCounts {
  itemsInPeriod: number;
  negativeInPeriod: number;
}

/** The first {@link REPRESENTATIVES} representative ids of an event row. */
export function representativeIds(row: Selectable<EventsTable>): string[] {
  return toEventRecord(row).representativeIds.slice(0, REPRESENTATIVES);
}

/** An event row as a report ranks it, with its counts and the briefs of its representatives. */
export function toEventBrief(
  row: Selectable<EventsTable>,
  counts: EventPeriodCounts,
  briefs: ReadonlyMap<string, ItemBrief>,
): EventBrief {
  const event = toEventRecord(row);
  return {
    id: event.id,
    title: event.title,
    keywords: event.keywords,
    firstPublishedAt: event.firstPublishedAt,
    lastPublishedAt: event.lastPublishedAt,
    itemsInPeriod: counts.itemsInPeriod,
    negativeInPeriod: counts.negativeInPeriod,
    itemCount: event.itemCount,
    heat: event.heat,
    stage: event.stage,
    platforms: event.platforms,
    sentiment: event.sentiment,
    representatives: representativeIds(row).flatMap((id) => {
      const brief = briefs.get(id);
      return brief ? [brief] : [];
    }),
  };
}

/** Grouped counts of the period's items by event (merged events left out), most first. */
export function rankingQuery(db: Kysely<Database>, query: ReportQuery) {
  const eventUnits = unitCondition(query.unitIds, 'events.unitId');
  return db
    .selectFrom('items')
    .innerJoin('eventItems', 'eventItems.itemId', 'items.id')
    .innerJoin('events', 'events.id', 'eventItems.eventId')
    .select((eb) => [
      'events.id',
      eb.fn.countAll().as('n'),
      eb.fn
        .sum(sql<number>`case when ${sql.ref('items.sentiment')} = 'negative' then 1 else 0 end`)
        .as('negative'),
    ])
    .where(allOf([...itemConditions(query), ...(eventUnits ? [eventUnits] : [])]))
    .where('events.mergedInto', 'is', null)
    .groupBy(['events.id', 'events.lastPublishedAt']);
}

/** Events with items in the period, by those items (most first, then latest activity, then id). */
export async function topEvents(
  db: Kysely<Database>,
  query: ReportQuery,
  limit: number,
): Promise<Traced<EventBrief[]>> {
  if (!Number.isSafeInteger(limit) || limit < 0 || limit > MAX_EVENTS) {
    throw new AppError('VALIDATION_FAILED', `limit must be an integer from 0 to ${MAX_EVENTS}`, {
      field: 'limit',
      value: limit,
    });
  }
  const log = new TraceLog(db);
  const ranked = await log.rows(
    rankingQuery(db, query)
      .orderBy(sql`count(*)`, 'desc')
      .orderBy('events.lastPublishedAt', 'desc')
      .orderBy('events.id')
      .limit(limit),
  );
  if (ranked.length === 0) return log.done([]);
  const events = await log.rows(
    db
      .selectFrom('events')
      .selectAll()
      .where(
        'id',
        'in',
        ranked.map((row) => row.id),
      ),
    'events ordered as ranked by the statement before (in the application)',
  );
  const byId = new Map(events.map((row) => [row.id, row]));
  const briefs = await loadBriefs(log, db, events.flatMap(representativeIds));
  const list = ranked.flatMap((rank) => {
    const row = byId.get(rank.id);
    if (!row) return [];
    return [toEventBrief(row, { itemsInPeriod: num(rank.n), negativeInPeriod: num(rank.negative) }, briefs)];
  });
  return log.done(list);
}
