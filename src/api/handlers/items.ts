/** /api/v1/items: the expression search over items in scope, and single items. */
import type { z } from 'zod';
import { notFound, requireUnitInScope } from '../../auth/index.js';
import type { item, itemPage, itemSearchQuery, sentimentCorrectionBody } from '../../contract/index.js';
import type { ItemFilters, Scope } from '../../storage/repositories.js';
import { presentItem } from '../presenters.js';
import type { RequestContext } from '../route.js';

type SearchQuery = z.output<typeof itemSearchQuery>;

/** The storage filters of a search query; absent parameters add no filter (the export uses them too). */
export function filtersOf(query: Omit<SearchQuery, 'limit' | 'cursor'>): ItemFilters {
  return {
    ...(query.from !== undefined && { from: query.from }),
    ...(query.to !== undefined && { to: query.to }),
    ...(query.source?.length && { sourceIds: query.source }),
    ...(query.kind?.length && { kinds: query.kind }),
    ...(query.platform?.length && { platforms: query.platform }),
    ...(query.sentiment?.length && { sentiments: query.sentiment }),
    ...(query.category?.length && { categories: query.category }),
    ...(query.province?.length && { provinces: query.province }),
    ...(query.appeal !== undefined && { appeal: query.appeal }),
    ...(query.language?.length && { languages: query.language }),
    ...(query.originalsOnly !== undefined && { originalsOnly: query.originalsOnly }),
    ...(query.distinctOnly !== undefined && { distinctOnly: query.distinctOnly }),
  };
}

/**
 * The units a search covers: the caller's whole scope, or — when the console's unit switcher names a unit —
 * that unit and the units below it that the caller may see. A unit outside the scope is NOT_FOUND, like
 * any record the caller may not see.
 */
export async function searchScope(ctx: RequestContext, unitId: string | undefined): Promise<Scope> {
  if (unitId === undefined) return ctx.principal.scope;
  requireUnitInScope(ctx.principal, unitId);
  const allowed = new Set(ctx.principal.scope.unitIds);
  const subtree = await ctx.deps.storage.units.subtreeIds(unitId);
  return { unitIds: subtree.filter((id) => allowed.has(id)) };
}

/** Searches items in scope; a syntax error in `q` is EXPRESSION_SYNTAX with its position. */
export async function searchItems(
  ctx: RequestContext,
  query: SearchQuery,
): Promise<z.output<typeof itemPage>> {
  const expression = query.q?.trim() ?? '';
  const match = expression === '' ? null : ctx.deps.parseSearchQuery(expression);
  const page = await ctx.deps.storage.items.search({
    scope: await searchScope(ctx, query.unitId),
    match,
    filters: filtersOf(query),
    sort: query.sort,
    page: { limit: query.limit, cursor: query.cursor ?? null },
  });
  return { items: page.items.map(presentItem), nextCursor: page.nextCursor };
}

/** One item in scope. */
export async function getItem(ctx: RequestContext, id: string): Promise<z.output<typeof item>> {
  const found = await ctx.deps.storage.items.get(id, ctx.principal.scope);
  if (!found) throw notFound('item', id);
  return presentItem(found);
}

/**
 * Corrects an item's sentiment: the label changes at once and the correction is kept (with the label it
 * replaced) for the next training run (`fengxiang corrections export`).
 */
export async function correctSentiment(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof sentimentCorrectionBody>,
): Promise<z.output<typeof item>> {
  const found = await ctx.deps.storage.items.get(id, ctx.principal.scope);
  if (!found) throw notFound('item', id);
  const correction = await ctx.deps.storage.sentimentCorrections.correct({
    itemId: id,
    label: body.label,
    correctedBy: ctx.principal.user.id,
  });
  await ctx.audit({
    action: 'item.sentiment-correct',
    unitId: found.unitId,
    targetType: 'item',
    targetId: id,
    detail: { from: correction.previous, to: correction.label },
  });
  const updated = await ctx.deps.storage.items.get(id, ctx.principal.scope);
  if (!updated) throw notFound('item', id);
  return presentItem(updated);
}
