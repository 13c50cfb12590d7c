/** /api/v1/work-calendars/:unitId: the working-day calendar deadlines count on (issue 6 §1). */
import type { z } from 'zod';
import { requireUnitInScope } from '../../auth/index.js';
import { putWorkCalendar, removeWorkCalendar, type DutyActor } from '../../cases/duty/index.js';
import type { putWorkCalendarBody, workCalendar, workCalendarSettings } from '../../contract/index.js';
import type { WorkCalendarSettings } from '../../domain/index.js';
import type { RequestContext } from '../route.js';

type CalendarView = z.output<typeof workCalendar>;

/** The path word for the installation default. */
const DEFAULT_WORD = 'default';

const iso = (at: number): string => new Date(at).toISOString();

/** The caller as the calendar and duty services see them. */
export function dutyActor(ctx: RequestContext): DutyActor {
  return { userId: ctx.principal.user.id, ip: ctx.actor.ip, unitIds: ctx.principal.scope.unitIds };
}

function presentSettings(settings: WorkCalendarSettings): z.output<typeof workCalendarSettings> {
  return { ...settings, updatedAt: iso(settings.updatedAt) };
}

/** The unit a path names (null: the default); a unit outside scope is NOT_FOUND. */
function targetOf(ctx: RequestContext, word: string): string | null {
  if (word === DEFAULT_WORD) return null;
  requireUnitInScope(ctx.principal, word);
  return word;
}

/** The calendar that applies to a unit in scope (or the installation default). */
export async function getWorkCalendar(ctx: RequestContext, word: string): Promise<CalendarView> {
  const unitId = targetOf(ctx, word);
  const fallback = ctx.deps.alertTimeZone ?? 'Asia/Shanghai';
  if (unitId === null) {
    const settings = await ctx.deps.storage.workCalendars.get(null);
    return settings
      ? { ...settings, origin: 'default', settings: presentSettings(settings) }
      : { unitId: null, origin: 'builtin', timeZone: fallback, holidays: [], workdays: [], settings: null };
  }
  const effective = await ctx.deps.storage.workCalendars.effective(unitId, fallback);
  return {
    unitId,
    origin: effective.origin,
    timeZone: effective.calendar.timeZone,
    holidays: [...effective.calendar.holidays].sort(),
    workdays: [...effective.calendar.workdays].sort(),
    settings: effective.settings ? presentSettings(effective.settings) : null,
  };
}

/** Sets the unit's own calendar (or the default) and answers the calendar that now applies. */
export async function setWorkCalendar(
  ctx: RequestContext,
  word: string,
  body: z.output<typeof putWorkCalendarBody>,
): Promise<CalendarView> {
  await putWorkCalendar(ctx.deps, dutyActor(ctx), targetOf(ctx, word), body);
  return getWorkCalendar(ctx, word);
}

/** Removes the unit's own calendar (it falls back to the one above). */
export async function deleteWorkCalendar(ctx: RequestContext, word: string): Promise<{ ok: true }> {
  await removeWorkCalendar(ctx.deps, dutyActor(ctx), targetOf(ctx, word));
  return { ok: true };
}
