/**
 * Delivery status of an alert, the duty roster (值班) and the addresses alerts reach users at: the
 * people side of alert delivery.
 */
import type { z } from 'zod';
import { notFound, requireUnitInScope } from '../../auth/index.js';
import type {
  alertContactBody,
  createDutyShiftBody,
  deliveryList,
  dutyShift,
  dutyShiftList,
  dutyShiftQuery,
} from '../../contract/index.js';
import type { DutyShift } from '../../storage/repositories.js';
import type { RequestContext } from '../route.js';

const iso = (at: number): string => new Date(at).toISOString();

function presentShift(shift: DutyShift): z.output<typeof dutyShift> {
  return {
    ...shift,
    startsAt: iso(shift.startsAt),
    endsAt: iso(shift.endsAt),
    createdAt: iso(shift.createdAt),
  };
}

/** Deliveries of an alert of a unit in scope, with their channel. */
export async function listAlertDeliveries(
  ctx: RequestContext,
  alertId: string,
): Promise<z.output<typeof deliveryList>> {
  const scope = new Set(ctx.principal.scope.unitIds);
  const rows = (await ctx.deps.storage.deliveries.listByAlert(alertId)).filter((row) =>
    scope.has(row.unitId),
  );
  const channels = new Map((await ctx.deps.storage.channels.list({ unitIds: null })).map((c) => [c.id, c]));
  return {
    items: rows.map((row) => ({
      id: row.id,
      alertId: row.alertId,
      channelId: row.channelId,
      channelName: channels.get(row.channelId)?.name ?? null,
      channelKind: channels.get(row.channelId)?.kind ?? null,
      recipient: row.recipient,
      revision: row.revision,
      state: row.state,
      attempts: row.attempts,
      nextAttemptAt: row.state === 'pending' || row.state === 'failed' ? iso(row.nextAttemptAt) : null,
      lastError: row.lastError,
      sentAt: row.sentAt === null ? null : iso(row.sentAt),
      createdAt: iso(row.createdAt),
    })),
  };
}

/** Shifts of units in scope overlapping the window. */
export async function listDutyShifts(
  ctx: RequestContext,
  query: z.output<typeof dutyShiftQuery>,
): Promise<z.output<typeof dutyShiftList>> {
  const shifts = await ctx.deps.storage.channels.listShifts(ctx.principal.scope, query.from, query.to);
  return { items: shifts.map(presentShift) };
}

/** A new shift for a user of a unit in scope. */
export async function createDutyShift(
  ctx: RequestContext,
  body: z.output<typeof createDutyShiftBody>,
): Promise<z.output<typeof dutyShift>> {
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  if (!(await ctx.deps.storage.users.get(body.userId, ctx.principal.scope)))
    throw notFound('user', body.userId);
  const created = await ctx.deps.storage.channels.addShift({ ...body, unitId });
  await ctx.audit({
    action: 'duty-shift.create',
    unitId,
    targetType: 'duty-shift',
    targetId: created.id,
    detail: { userId: body.userId },
  });
  return presentShift(created);
}

/** Deletes a shift of a unit in scope. */
export async function deleteDutyShift(ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const existing = await ctx.deps.storage.channels.getShift(id, ctx.principal.scope);
  if (!existing) throw notFound('duty shift', id);
  await ctx.deps.storage.channels.deleteShift(id);
  await ctx.audit({
    action: 'duty-shift.delete',
    unitId: existing.unitId,
    targetType: 'duty-shift',
    targetId: id,
    detail: {},
  });
  return { ok: true };
}

/** Sets the e-mail address alerts reach a user in scope at. */
export async function setAlertContact(
  ctx: RequestContext,
  userId: string,
  body: z.output<typeof alertContactBody>,
): Promise<{ ok: true }> {
  const user = await ctx.deps.storage.users.get(userId, ctx.principal.scope);
  if (!user) throw notFound('user', userId);
  await ctx.deps.storage.channels.setContact(userId, body.email);
  await ctx.audit({
    action: 'alert-contact.set',
    unitId: user.unitId,
    targetType: 'user',
    targetId: userId,
    detail: {},
  });
  return { ok: true };
}
