/**
 * /api/v1/duty/now, /duty-handovers and /key-periods/:id/duty: who is on duty, shift hand-over notes and
 * the 24-hour duty of key periods (issue 6 §8). The roster itself is /duty-shifts (channels routes).
 */
import type { z } from 'zod';
import { notFound, requireUnitInScope } from '../../auth/index.js';
import {
  keyPeriodDutyReport,
  recordHandover,
  setKeyPeriodDuty,
  whoIsOnDuty,
} from '../../cases/duty/index.js';
import type {
  createDutyHandoverBody,
  dutyHandover,
  dutyHandoverPage,
  dutyHandoverQuery,
  keyPeriodDutyReport as reportSchema,
  keyPeriodDutyRequirement,
  onDutyList,
  onDutyQuery,
  putKeyPeriodDutyBody,
} from '../../contract/index.js';
import type { DutyHandover, KeyPeriodDutyRequirement } from '../../domain/index.js';
import type { RequestContext } from '../route.js';
import { dutyActor } from './work-calendars.js';

const iso = (at: number): string => new Date(at).toISOString();

function presentHandover(handover: DutyHandover): z.output<typeof dutyHandover> {
  return { ...handover, handedOverAt: iso(handover.handedOverAt), createdAt: iso(handover.createdAt) };
}

function presentRequirement(
  requirement: KeyPeriodDutyRequirement,
): z.output<typeof keyPeriodDutyRequirement> {
  return { ...requirement, updatedAt: iso(requirement.updatedAt) };
}

/** The shifts on duty now (or at `at`) in the caller's units. */
export async function listOnDuty(
  ctx: RequestContext,
  query: z.output<typeof onDutyQuery>,
): Promise<z.output<typeof onDutyList>> {
  if (query.unitId !== undefined) requireUnitInScope(ctx.principal, query.unitId);
  const at = query.at ?? ctx.deps.clock.now();
  const onDuty = await whoIsOnDuty(ctx.deps, dutyActor(ctx), at, query.unitId);
  return {
    at: iso(at),
    items: onDuty.map(({ shift, displayName }) => ({
      shiftId: shift.id,
      unitId: shift.unitId,
      userId: shift.userId,
      displayName,
      startsAt: iso(shift.startsAt),
      endsAt: iso(shift.endsAt),
      levels: shift.levels,
      note: shift.note,
    })),
  };
}

/** Hand-over notes in scope, newest first. */
export async function listHandovers(
  ctx: RequestContext,
  query: z.output<typeof dutyHandoverQuery>,
): Promise<z.output<typeof dutyHandoverPage>> {
  if (query.unitId !== undefined) requireUnitInScope(ctx.principal, query.unitId);
  const page = await ctx.deps.storage.dutyNotes.listHandovers(
    ctx.principal.scope,
    {
      ...(query.unitId !== undefined && { unitId: query.unitId }),
      ...(query.userId !== undefined && { userId: query.userId }),
      ...(query.from !== undefined && { from: query.from }),
      ...(query.to !== undefined && { to: query.to }),
    },
    { limit: query.limit, cursor: query.cursor ?? null },
  );
  return { items: page.items.map(presentHandover), nextCursor: page.nextCursor };
}

/** One hand-over note in scope. */
export async function getHandover(ctx: RequestContext, id: string): Promise<z.output<typeof dutyHandover>> {
  const found = await ctx.deps.storage.dutyNotes.getHandover(id, ctx.principal.scope);
  if (!found) throw notFound('duty hand-over', id);
  return presentHandover(found);
}

/** Records a hand-over of the caller's unit (or a unit in scope); the caller hands over unless told. */
export async function createHandover(
  ctx: RequestContext,
  body: z.output<typeof createDutyHandoverBody>,
): Promise<z.output<typeof dutyHandover>> {
  const created = await recordHandover(ctx.deps, dutyActor(ctx), {
    unitId: body.unitId ?? ctx.principal.user.unitId,
    shiftId: body.shiftId,
    fromUserId: body.fromUserId ?? ctx.principal.user.id,
    toUserId: body.toUserId,
    ...(body.handedOverAt !== undefined && { handedOverAt: body.handedOverAt }),
    notes: body.notes,
    openMatters: body.openMatters,
  });
  return presentHandover(created);
}

/** The key period's duty requirement and the roster's gaps per covered unit in scope. */
export async function getKeyPeriodDuty(
  ctx: RequestContext,
  id: string,
  unitId: string | undefined,
): Promise<z.output<typeof reportSchema>> {
  const report = await keyPeriodDutyReport(ctx.deps, dutyActor(ctx), id, unitId);
  return {
    keyPeriodId: report.period.id,
    startsAt: iso(report.period.startsAt),
    endsAt: iso(report.period.endsAt),
    requirement: report.requirement ? presentRequirement(report.requirement) : null,
    units: report.units.map((unit) => ({
      ...unit,
      gaps: unit.gaps.map((gap) => ({
        startsAt: iso(gap.startsAt),
        endsAt: iso(gap.endsAt),
        onDuty: gap.onDuty,
      })),
      hours: unit.hours.map((hour) => ({
        hourStartsAt: iso(hour.hourStartsAt),
        uncoveredMinutes: hour.uncoveredMinutes,
      })),
    })),
  };
}

/** Sets what a key period in scope requires of duty and answers the new report. */
export async function putKeyPeriodDuty(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof putKeyPeriodDutyBody>,
): Promise<z.output<typeof reportSchema>> {
  await setKeyPeriodDuty(ctx.deps, dutyActor(ctx), id, body);
  return getKeyPeriodDuty(ctx, id, undefined);
}
