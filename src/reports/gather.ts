/**
 * Reading a report's data (issue 7): one straight pass over the data port that fills the snapshot a builder
 * needs. The snapshot is stored with the report, so what it printed can be checked against what was read.
 */
import type {
  EventDossier,
  PeriodicReportData,
  ReportData,
  ReportDataSource,
  ReportPeriod,
  ReportQuery,
  ReportType,
  Traced,
  WorkSummaryData,
  SpecialReportData,
} from '../domain/index.js';
import { AppError } from '../platform/errors.js';
import type { Scope } from '../storage/repositories.js';
import { localDate, periodOf } from './periods.js';

/** The category keys a report counts as sensitive (敏感) among negative items. */
export const SENSITIVE_CATEGORIES = [
  'corruption',
  'public_safety',
  'law_enforcement',
  'disaster',
  'food_drug',
] as const;

/** How many items and events a report lists. */
const LISTED_ITEMS = 10;
const RANKED_EVENTS = 10;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A special report draws hours up to this many buckets, then days. */
const MAX_HOURLY_BUCKETS = 96;

/** Where a report's data comes from. */
export interface GatherSources {
  data: ReportDataSource;
  countIssued: (scope: Scope, from: number, to: number) => Promise<Traced<number>>;
}

/** What to read. */
export interface GatherRequest {
  type: ReportType;
  unitIds: readonly string[] | null;
  period: ReportPeriod;
  eventId?: string | null;
}

/** The period before: the previous calendar month for a monthly report, else the same length just before. */
export function previousQuery(type: ReportType, query: ReportQuery, period: ReportPeriod): ReportQuery {
  if (type === 'monthly') {
    const previous = periodOf('monthly', localDate(period.from - 1, period.timeZone), {
      timeZone: period.timeZone,
      dailyCutoff: '00:00',
      weekStartsOn: 1,
    });
    return { ...query, from: previous.from, to: previous.to };
  }
  return { ...query, from: query.from - (query.to - query.from), to: query.from };
}

async function gatherPeriodic(
  source: ReportDataSource,
  type: PeriodicReportData['type'],
  query: ReportQuery,
  period: ReportPeriod,
): Promise<PeriodicReportData> {
  const previous = previousQuery(type, query, period);
  const bucketMs = type === 'daily' ? HOUR : DAY;
  const sensitiveCategories = [...SENSITIVE_CATEGORIES];
  const [totals, previousTotals, platforms, regions, categories, previousCategories, volume] =
    await Promise.all([
      source.itemTotals(query),
      source.itemTotals(previous),
      source.itemsByPlatform(query),
      source.itemsByRegion(query, 'province'),
      source.itemsByCategory(query),
      source.itemsByCategory(previous),
      source.volumeSeries(query, bucketMs),
    ]);
  const [negative, sensitive, events, alerts, incidents, appeals] = await Promise.all([
    source.topItems(query, { sentiment: 'negative' }, LISTED_ITEMS),
    source.topItems(query, { sentiment: 'negative', categories: sensitiveCategories }, LISTED_ITEMS),
    source.topEvents(query, RANKED_EVENTS),
    source.alerts(query),
    source.incidents(query),
    source.appeals(query),
  ]);
  return {
    type,
    query,
    previousQuery: previous,
    totals,
    previousTotals,
    platforms,
    regions,
    categories,
    previousCategories,
    volume,
    bucketMs,
    negative,
    sensitive,
    sensitiveCategories,
    events,
    alerts,
    incidents,
    appeals,
  };
}

async function gatherSpecial(
  source: ReportDataSource,
  unitIds: readonly string[] | null,
  eventId: string,
): Promise<SpecialReportData> {
  const hourly = await source.eventDossier(unitIds, eventId, HOUR);
  if (hourly === null) {
    throw new AppError('NOT_FOUND', `event ${eventId} does not exist in your units`, {
      id: eventId,
      entity: 'event',
    });
  }
  if (hourly.value.volume.length <= MAX_HOURLY_BUCKETS) return { type: 'special', dossier: hourly };
  const daily: Traced<EventDossier> | null = await source.eventDossier(unitIds, eventId, DAY);
  return { type: 'special', dossier: daily ?? hourly };
}

async function gatherWorkSummary(sources: GatherSources, query: ReportQuery): Promise<WorkSummaryData> {
  const [totals, events, figures, issuedReports] = await Promise.all([
    sources.data.itemTotals(query),
    sources.data.topEvents(query, RANKED_EVENTS),
    sources.data.workFigures(query),
    sources.countIssued({ unitIds: query.unitIds }, query.from, query.to),
  ]);
  return { type: 'work_summary', query, totals, events, figures, issuedReports };
}

/** Reads everything a report of `request.type` prints. NOT_FOUND for a special report on a missing event. */
export async function gatherReportData(sources: GatherSources, request: GatherRequest): Promise<ReportData> {
  const query: ReportQuery = { unitIds: request.unitIds, from: request.period.from, to: request.period.to };
  switch (request.type) {
    case 'daily':
    case 'weekly':
    case 'monthly':
      return gatherPeriodic(sources.data, request.type, query, request.period);
    case 'special':
      if (!request.eventId) {
        throw new AppError('VALIDATION_FAILED', 'a special report needs eventId', { field: 'eventId' });
      }
      return gatherSpecial(sources.data, request.unitIds, request.eventId);
    case 'work_summary':
      return gatherWorkSummary(sources, query);
  }
}
