/**
 * /api/v1/stats/work-summary and /bulletins/stats: the figures of a unit and the units below it in a
 * period, read through the one statistics module (src/reports/stats).
 */
import type { z } from 'zod';
import { requireUnitInScope } from '../../auth/index.js';
import type * as c from '../../contract/index.js';
import { AppError } from '../../platform/errors.js';
import {
  bulletinStats,
  collectWorkStats,
  storageCaseStatsSource,
  type StatsQuery,
} from '../../reports/stats/index.js';
import type { RequestContext } from '../route.js';

/** The scope and period of a statistics request: the unit's subtree, within the caller's scope. */
async function statsQuery(
  ctx: RequestContext,
  query: z.output<typeof c.bulletinStatsQuery>,
): Promise<{ unitId: string; query: StatsQuery }> {
  if (!(query.to > query.from)) {
    throw new AppError('VALIDATION_FAILED', 'to must be after from', { field: 'to' });
  }
  const unitId = query.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  const subtree = await ctx.deps.storage.units.subtreeIds(unitId);
  const allowed = new Set(ctx.principal.scope.unitIds);
  return {
    unitId,
    query: { scope: { unitIds: subtree.filter((id) => allowed.has(id)) }, from: query.from, to: query.to },
  };
}

/** Every figure of the work summary. */
export async function workSummary(
  ctx: RequestContext,
  query: z.output<typeof c.workSummaryQuery>,
): Promise<z.output<typeof c.workSummaryStats>> {
  const resolved = await statsQuery(ctx, query);
  const stats = await collectWorkStats(storageCaseStatsSource(ctx.deps.storage), resolved.query);
  return {
    ...stats,
    unitId: resolved.unitId,
    from: new Date(stats.from).toISOString(),
    to: new Date(stats.to).toISOString(),
  };
}

/** The bulletin figures alone (submitted, adopted and instructed by level, score). */
export async function bulletinFigures(
  ctx: RequestContext,
  query: z.output<typeof c.bulletinStatsQuery>,
): Promise<z.output<typeof c.bulletinStats>> {
  const resolved = await statsQuery(ctx, query);
  const { scope, from, to } = resolved.query;
  const figures = await bulletinStats(ctx.deps.storage, scope, { from, to });
  return {
    ...figures,
    unitId: resolved.unitId,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  };
}
