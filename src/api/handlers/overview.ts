/**
 * /api/v1/stats/overview (and /display/overview for the big screen): every figure of the dashboard in one
 * answer, read through the traced report data port (`storage.reportData`) plus the keyword counts, for
 * the caller's units (or one unit and the units below it) in a period. Sections the caller may not read
 * come back null, so one endpoint serves every role.
 */
import type { z } from 'zod';
import { hasPermission, requireUnitInScope, type Principal } from '../../auth/index.js';
import type * as c from '../../contract/index.js';
import type { CaseSummary, ReportQuery } from '../../domain/report-data.js';
import { AppError } from '../../platform/errors.js';
import type { ApiDeps } from '../deps.js';
import type { RequestContext } from '../route.js';

type Overview = z.output<typeof c.overview>;
type OverviewQuery = z.output<typeof c.overviewQuery>;

/** The longest period one overview covers (a year and a bit, for a leap year and time zones). */
export const MAX_OVERVIEW_DAYS = 367;
/** How many rows each list of the overview carries. */
export const OVERVIEW_LIST_SIZE = 10;
/** How many keywords the word cloud gets. */
export const OVERVIEW_KEYWORDS = 60;
/** How many platforms and categories the overview lists. */
const NAMED_LIMIT = 20;

const HOUR_MS = 3_600_000;
const BUCKET_MS: Record<OverviewQuery['bucket'], number> = { hour: HOUR_MS, day: 24 * HOUR_MS };

const iso = (at: number): string => new Date(at).toISOString();

/** The report query of a request: the unit's subtree (or the whole scope) and the checked period. */
async function reportQuery(deps: ApiDeps, principal: Principal, query: OverviewQuery): Promise<ReportQuery> {
  if (!(query.to > query.from)) {
    throw new AppError('VALIDATION_FAILED', 'to must be after from', { field: 'to' });
  }
  if (query.to - query.from > MAX_OVERVIEW_DAYS * 24 * HOUR_MS) {
    throw new AppError('VALIDATION_FAILED', `the period may span at most ${MAX_OVERVIEW_DAYS} days`, {
      field: 'from',
    });
  }
  if (query.unitId === undefined) {
    return { unitIds: principal.scope.unitIds, from: query.from, to: query.to };
  }
  requireUnitInScope(principal, query.unitId);
  const allowed = new Set(principal.scope.unitIds);
  const subtree = await deps.storage.units.subtreeIds(query.unitId);
  return { unitIds: subtree.filter((id) => allowed.has(id)), from: query.from, to: query.to };
}

/** Open cases by nearest deadline first (cases without one last), as the overview lists them. */
function dueSoon(summary: CaseSummary): NonNullable<Overview['incidents']> {
  const list = [...summary.list]
    .sort((a, b) => (a.dueAt ?? Number.MAX_SAFE_INTEGER) - (b.dueAt ?? Number.MAX_SAFE_INTEGER))
    .slice(0, OVERVIEW_LIST_SIZE)
    .map((entry) => ({
      id: entry.id,
      title: entry.title,
      state: entry.state,
      openedAt: iso(entry.openedAt),
      dueAt: entry.dueAt === null ? null : iso(entry.dueAt),
      overdue: entry.overdue,
    }));
  return { inProgress: summary.inProgress, overdue: summary.overdue, list };
}

async function eventsSection(deps: ApiDeps, query: ReportQuery): Promise<Overview['events']> {
  const events = await deps.storage.reportData.topEvents(query, OVERVIEW_LIST_SIZE);
  return events.value.map((event) => ({
    id: event.id,
    title: event.title,
    heat: event.heat,
    stage: event.stage,
    itemsInPeriod: event.itemsInPeriod,
    negativeInPeriod: event.negativeInPeriod,
  }));
}

async function alertsSection(deps: ApiDeps, query: ReportQuery): Promise<Overview['alerts']> {
  const alerts = (await deps.storage.reportData.alerts(query)).value;
  return {
    raised: alerts.raised,
    byLevel: alerts.byLevel,
    list: [...alerts.list]
      .sort((a, b) => b.raisedAt - a.raisedAt)
      .slice(0, OVERVIEW_LIST_SIZE)
      .map((alert) => ({ ...alert, raisedAt: iso(alert.raisedAt) })),
  };
}

/** The overview of `query` as `principal` may see it. */
export async function overviewFor(
  deps: ApiDeps,
  principal: Principal,
  query: OverviewQuery,
): Promise<Overview> {
  const report = await reportQuery(deps, principal, query);
  const data = deps.storage.reportData;
  const may = (permission: Parameters<typeof hasPermission>[1]) => hasPermission(principal, permission);
  const [totals, volume, platforms, provinces, categories, keywords, events, alerts, incidents, appeals] =
    await Promise.all([
      data.itemTotals(report),
      data.volumeSeries(report, BUCKET_MS[query.bucket]),
      data.itemsByPlatform(report),
      data.itemsByRegion(report, 'province'),
      data.itemsByCategory(report),
      deps.storage.keywordCounts.topKeywords(report, OVERVIEW_KEYWORDS),
      may('events:read') ? eventsSection(deps, report) : null,
      may('alerts:read') ? alertsSection(deps, report) : null,
      may('incidents:read') ? data.incidents(report).then((s) => dueSoon(s.value)) : null,
      may('appeals:read') ? data.appeals(report).then((s) => dueSoon(s.value)) : null,
    ]);
  return {
    from: iso(query.from),
    to: iso(query.to),
    unitId: query.unitId ?? null,
    bucket: query.bucket,
    totals: totals.value,
    volume: volume.value.map((bucket) => ({ ...bucket, from: iso(bucket.from) })),
    platforms: platforms.value.slice(0, NAMED_LIMIT),
    provinces: provinces.value,
    categories: categories.value.slice(0, NAMED_LIMIT),
    keywords: {
      items: keywords.value.keywords,
      itemsCounted: keywords.value.itemsCounted,
      truncated: keywords.value.truncated,
    },
    events,
    alerts,
    incidents,
    appeals,
  };
}

/** GET /stats/overview for a signed-in caller or an API token. */
export async function getOverview(ctx: RequestContext, query: OverviewQuery): Promise<Overview> {
  return overviewFor(ctx.deps, ctx.principal, query);
}
