/** /api/v1/schemes: monitoring schemes of units in scope; expressions are checked before saving. */
import type { z } from 'zod';
import { notFound, requireUnitInScope } from '../../auth/index.js';
import type {
  createSchemeBody,
  scheme,
  schemeListQuery,
  schemePage,
  updateSchemeBody,
} from '../../contract/index.js';
import type { Scheme } from '../../domain/index.js';
import { presentScheme } from '../presenters.js';
import type { RequestContext } from '../route.js';

type SchemeView = z.output<typeof scheme>;

async function visibleScheme(ctx: RequestContext, id: string): Promise<Scheme> {
  const found = await ctx.deps.storage.schemes.get(id, ctx.principal.scope);
  if (!found) throw notFound('scheme', id);
  return found;
}

/** Throws EXPRESSION_SYNTAX (with the position) when `expression` does not parse. */
function checkExpression(ctx: RequestContext, expression: string): void {
  ctx.deps.parseSearchQuery(expression);
}

/** Schemes in scope. */
export async function listSchemes(
  ctx: RequestContext,
  query: z.output<typeof schemeListQuery>,
): Promise<z.output<typeof schemePage>> {
  const page = await ctx.deps.storage.schemes.list(
    ctx.principal.scope,
    query.enabled === undefined ? {} : { enabled: query.enabled },
    { limit: query.limit, cursor: query.cursor ?? null },
  );
  return { items: page.items.map(presentScheme), nextCursor: page.nextCursor };
}

/** One scheme in scope. */
export async function getScheme(ctx: RequestContext, id: string): Promise<SchemeView> {
  return presentScheme(await visibleScheme(ctx, id));
}

/** A new scheme of a unit in scope (the caller's own by default). */
export async function createScheme(
  ctx: RequestContext,
  body: z.output<typeof createSchemeBody>,
): Promise<SchemeView> {
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  checkExpression(ctx, body.expression);
  const created = await ctx.deps.storage.schemes.create({
    ...body,
    unitId,
    createdBy: ctx.principal.user.id,
  });
  await ctx.audit({
    action: 'scheme.create',
    unitId,
    targetType: 'scheme',
    targetId: created.id,
    detail: { name: created.name },
  });
  return presentScheme(created);
}

/** Changes a scheme in scope. */
export async function updateScheme(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof updateSchemeBody>,
): Promise<SchemeView> {
  const existing = await visibleScheme(ctx, id);
  if (body.expression !== undefined) checkExpression(ctx, body.expression);
  const updated = await ctx.deps.storage.schemes.update(id, body);
  await ctx.audit({
    action: 'scheme.update',
    unitId: existing.unitId,
    targetType: 'scheme',
    targetId: id,
    detail: { fields: Object.keys(body) },
  });
  return presentScheme(updated);
}

/** Deletes a scheme in scope. */
export async function deleteScheme(ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const existing = await visibleScheme(ctx, id);
  await ctx.deps.storage.schemes.delete(id);
  await ctx.audit({
    action: 'scheme.delete',
    unitId: existing.unitId,
    targetType: 'scheme',
    targetId: id,
    detail: { name: existing.name },
  });
  return { ok: true };
}
