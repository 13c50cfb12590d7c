/** /api/v1/units: the unit tree within the caller's scope. */
import type { z } from 'zod';
import { notFound, requireUnitInScope } from '../../auth/index.js';
import type { createUnitBody, unit, updateUnitBody } from '../../contract/index.js';
import { AppError } from '../../platform/errors.js';
import { presentUnit } from '../presenters.js';
import type { RequestContext } from '../route.js';

type UnitView = z.output<typeof unit>;

/** Units in scope, parents before children. */
export async function listUnits(ctx: RequestContext): Promise<{ items: UnitView[] }> {
  const units = await ctx.deps.storage.units.list(ctx.principal.scope);
  return { items: units.map(presentUnit) };
}

/** One unit in scope. */
export async function getUnit(ctx: RequestContext, id: string): Promise<UnitView> {
  const found = await ctx.deps.storage.units.get(id, ctx.principal.scope);
  if (!found) throw notFound('unit', id);
  return presentUnit(found);
}

/** A new unit below a unit in scope. */
export async function createUnit(
  ctx: RequestContext,
  body: z.output<typeof createUnitBody>,
): Promise<UnitView> {
  requireUnitInScope(ctx.principal, body.parentId);
  const created = await ctx.deps.storage.units.create({
    name: body.name,
    parentId: body.parentId,
    code: body.code ?? null,
  });
  await ctx.audit({
    action: 'unit.create',
    unitId: created.id,
    targetType: 'unit',
    targetId: created.id,
    detail: { name: created.name },
  });
  return presentUnit(created);
}

/** Renames or moves a unit within scope; the caller's own unit cannot move. */
export async function updateUnit(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof updateUnitBody>,
): Promise<UnitView> {
  const existing = await ctx.deps.storage.units.get(id, ctx.principal.scope);
  if (!existing) throw notFound('unit', id);
  if (body.parentId !== undefined && body.parentId !== existing.parentId) {
    if (id === ctx.principal.user.unitId) {
      throw new AppError('FORBIDDEN', 'you cannot move your own unit', { id });
    }
    requireUnitInScope(ctx.principal, body.parentId);
  }
  const updated = await ctx.deps.storage.units.update(id, body);
  await ctx.audit({
    action: 'unit.update',
    unitId: id,
    targetType: 'unit',
    targetId: id,
    detail: { fields: Object.keys(body) },
  });
  return presentUnit(updated);
}

/** Deletes an empty unit in scope other than the caller's own. */
export async function deleteUnit(ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const existing = await ctx.deps.storage.units.get(id, ctx.principal.scope);
  if (!existing) throw notFound('unit', id);
  if (id === ctx.principal.user.unitId)
    throw new AppError('FORBIDDEN', 'you cannot delete your own unit', { id });
  await ctx.deps.storage.units.delete(id);
  await ctx.audit({
    action: 'unit.delete',
    unitId: existing.parentId,
    targetType: 'unit',
    targetId: id,
    detail: { name: existing.name },
  });
  return { ok: true };
}
