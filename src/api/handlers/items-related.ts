/** GET /api/v1/items/:id/related: the post an item belongs to, the original it copies, and its comments. */
import type { z } from 'zod';
import { notFound } from '../../auth/index.js';
import { MAX_RELATED_COMMENTS, type itemRelated } from '../../contract/index.js';
import type { Item } from '../../domain/index.js';
import { presentItem } from '../presenters.js';
import type { RequestContext } from '../route.js';

async function inScope(ctx: RequestContext, id: string | null): Promise<Item | null> {
  return id === null ? null : ctx.deps.storage.items.get(id, ctx.principal.scope);
}

/** The items around item `id` that the caller may see. */
export async function getRelatedItems(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof itemRelated>> {
  const found = await inScope(ctx, id);
  if (!found) throw notFound('item', id);
  const [parent, original, comments] = await Promise.all([
    inScope(ctx, found.parentId),
    inScope(ctx, found.dupOf),
    ctx.deps.storage.items.search({
      scope: ctx.principal.scope,
      match: null,
      filters: { parentId: found.id },
      sort: 'time',
      page: { limit: MAX_RELATED_COMMENTS, cursor: null },
    }),
  ]);
  return {
    parent: parent && presentItem(parent),
    original: original && presentItem(original),
    comments: comments.items.map(presentItem),
    moreComments: comments.nextCursor !== null,
  };
}
