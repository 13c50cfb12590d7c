/**
 * GET /api/v1/items/:id/related: the post an item belongs to, the original it copies, its comments, and
 * the copies (reposts, near-duplicates) of it — each only as far as the caller may see them.
 */
import type { z } from 'zod';
import { notFound } from '../../auth/index.js';
import { MAX_RELATED_COMMENTS, MAX_RELATED_COPIES, type itemRelated } from '../../contract/index.js';
import type { Item } from '../../domain/index.js';
import type { ItemFilters, Page } from '../../storage/repositories.js';
import { presentItem } from '../presenters.js';
import type { RequestContext } from '../route.js';

async function inScope(ctx: RequestContext, id: string | null): Promise<Item | null> {
  return id === null ? null : ctx.deps.storage.items.get(id, ctx.principal.scope);
}

/** The newest `limit` items in scope matching `filters`. */
function newestWhere(ctx: RequestContext, filters: ItemFilters, limit: number): Promise<Page<Item>> {
  return ctx.deps.storage.items.search({
    scope: ctx.principal.scope,
    match: null,
    filters,
    sort: 'time',
    page: { limit, cursor: null },
  });
}

/** The items around item `id` that the caller may see. */
export async function getRelatedItems(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof itemRelated>> {
  const found = await inScope(ctx, id);
  if (!found) throw notFound('item', id);
  const [parent, original, comments, copies] = await Promise.all([
    inScope(ctx, found.parentId),
    inScope(ctx, found.dupOf),
    newestWhere(ctx, { parentId: found.id }, MAX_RELATED_COMMENTS),
    newestWhere(ctx, { dupOf: found.id }, MAX_RELATED_COPIES),
  ]);
  return {
    parent: parent && presentItem(parent),
    original: original && presentItem(original),
    comments: comments.items.map(presentItem),
    moreComments: comments.nextCursor !== null,
    copies: copies.items.map(presentItem),
    moreCopies: copies.nextCursor !== null,
  };
}
