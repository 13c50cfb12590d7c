/** /api/v1/key-periods: key periods (重要时段) that make polling faster while they last. */
import type { z } from 'zod';
import { notFound, requireUnitInScope } from '../../auth/index.js';
import type {
  createKeyPeriodBody,
  keyPeriod,
  keyPeriodPage,
  pageQuery,
  updateKeyPeriodBody,
} from '../../contract/index.js';
import type { KeyPeriod } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { presentKeyPeriod } from '../presenters.js';
import type { RequestContext } from '../route.js';

type KeyPeriodView = z.output<typeof keyPeriod>;

async function visiblePeriod(ctx: RequestContext, id: string): Promise<KeyPeriod> {
  const found = await ctx.deps.storage.keyPeriods.get(id, ctx.principal.scope);
  if (!found) throw notFound('key period', id);
  return found;
}

/** Every unit a period names must be in the caller's scope, and every source must be visible. */
async function checkCoverage(
  ctx: RequestContext,
  unitIds: readonly string[],
  sourceIds: readonly string[],
): Promise<void> {
  for (const unitId of unitIds) requireUnitInScope(ctx.principal, unitId);
  for (const sourceId of sourceIds) {
    if (!(await ctx.deps.storage.sources.get(sourceId, ctx.principal.scope)))
      throw notFound('source', sourceId);
  }
}

/** Key periods in scope, newest first. */
export async function listKeyPeriods(
  ctx: RequestContext,
  query: z.output<typeof pageQuery>,
): Promise<z.output<typeof keyPeriodPage>> {
  const page = await ctx.deps.storage.keyPeriods.list(ctx.principal.scope, {
    limit: query.limit,
    cursor: query.cursor ?? null,
  });
  return { items: page.items.map(presentKeyPeriod), nextCursor: page.nextCursor };
}

/** One key period. */
export async function getKeyPeriod(ctx: RequestContext, id: string): Promise<KeyPeriodView> {
  return presentKeyPeriod(await visiblePeriod(ctx, id));
}

/** A new key period of a unit in scope. */
export async function createKeyPeriod(
  ctx: RequestContext,
  body: z.output<typeof createKeyPeriodBody>,
): Promise<KeyPeriodView> {
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  await checkCoverage(ctx, body.unitIds, body.sourceIds);
  const created = await ctx.deps.storage.keyPeriods.create({ ...body, unitId });
  await ctx.audit({
    action: 'key-period.create',
    unitId,
    targetType: 'key-period',
    targetId: created.id,
    detail: { name: created.name, multiplier: created.multiplier },
  });
  return presentKeyPeriod(created);
}

/** Changes a key period in scope. */
export async function updateKeyPeriod(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof updateKeyPeriodBody>,
): Promise<KeyPeriodView> {
  const existing = await visiblePeriod(ctx, id);
  await checkCoverage(ctx, body.unitIds ?? [], body.sourceIds ?? []);
  const startsAt = body.startsAt ?? existing.startsAt;
  const endsAt = body.endsAt ?? existing.endsAt;
  if (endsAt <= startsAt) {
    throw new AppError('VALIDATION_FAILED', 'endsAt must be after startsAt', { field: 'endsAt' });
  }
  const updated = await ctx.deps.storage.keyPeriods.update(id, body);
  await ctx.audit({
    action: 'key-period.update',
    unitId: existing.unitId,
    targetType: 'key-period',
    targetId: id,
    detail: { fields: Object.keys(body) },
  });
  return presentKeyPeriod(updated);
}

/** Deletes a key period in scope. */
export async function deleteKeyPeriod(ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const existing = await visiblePeriod(ctx, id);
  await ctx.deps.storage.keyPeriods.delete(id);
  await ctx.audit({
    action: 'key-period.delete',
    unitId: existing.unitId,
    targetType: 'key-period',
    targetId: id,
    detail: { name: existing.name },
  });
  return { ok: true };
}
