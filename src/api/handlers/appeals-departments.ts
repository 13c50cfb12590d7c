/** /api/v1/appeal-departments: the departments appeals are dispatched to, per unit, with their categories. */
import type { z } from 'zod';
import { notFound, requireUnitInScope } from '../../auth/index.js';
import type * as c from '../../contract/index.js';
import type { RequestContext } from '../route.js';
import { presentAppealDepartment } from './appeals-present.js';

type DepartmentView = z.output<typeof c.appealDepartment>;

async function visible(ctx: RequestContext, id: string) {
  const found = await ctx.deps.storage.appealDepartments.get(id, ctx.principal.scope);
  if (!found) throw notFound('appeal department', id);
  return found;
}

/** Departments of units in scope. */
export async function listAppealDepartments(
  ctx: RequestContext,
): Promise<z.output<typeof c.appealDepartmentList>> {
  return {
    items: (await ctx.deps.storage.appealDepartments.list(ctx.principal.scope)).map(presentAppealDepartment),
  };
}

/** A new department of the caller's unit (or a unit in scope). */
export async function createAppealDepartment(
  ctx: RequestContext,
  body: z.output<typeof c.createAppealDepartmentBody>,
): Promise<DepartmentView> {
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  const created = await ctx.deps.storage.appealDepartments.create({ ...body, unitId });
  await ctx.audit({
    action: 'appeal-department.create',
    unitId,
    targetType: 'appeal_department',
    targetId: created.id,
    detail: { name: created.name },
  });
  return presentAppealDepartment(created);
}

/** Changes a department. */
export async function updateAppealDepartment(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.updateAppealDepartmentBody>,
): Promise<DepartmentView> {
  const found = await visible(ctx, id);
  const patch = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
  const updated = await ctx.deps.storage.appealDepartments.update(id, patch);
  await ctx.audit({
    action: 'appeal-department.update',
    unitId: found.unitId,
    targetType: 'appeal_department',
    targetId: id,
    detail: { fields: Object.keys(patch) },
  });
  return presentAppealDepartment(updated);
}

/** Deletes a department (its appeals keep their history; their department is cleared). */
export async function deleteAppealDepartment(ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const found = await visible(ctx, id);
  await ctx.deps.storage.appealDepartments.delete(id);
  await ctx.audit({
    action: 'appeal-department.delete',
    unitId: found.unitId,
    targetType: 'appeal_department',
    targetId: id,
    detail: { name: found.name },
  });
  return { ok: true };
}
