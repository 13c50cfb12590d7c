/**
 * Setting and removing an office calendar: checked first (calendar-settings), then stored with its audit
 * entry in one transaction. The installation default (unit null) is set only by actors who see every
 * unit or whose unit is a root of the tree — an administrator at the top.
 */
import type { WorkCalendarSettings } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { checkCalendarSettings, type CalendarSettingsInput } from './calendar-settings.js';
import { actorSees, type DutyActor, type DutyDeps } from './deps.js';

async function checkTarget(deps: DutyDeps, actor: DutyActor, unitId: string | null): Promise<void> {
  if (unitId !== null) {
    if (!actorSees(actor, unitId) || !(await deps.storage.units.get(unitId))) {
      throw new AppError('NOT_FOUND', `unit ${unitId} does not exist`, { entity: 'unit', id: unitId });
    }
    return;
  }
  if (actor.unitIds === null) return;
  const user = actor.userId === null ? null : await deps.storage.users.get(actor.userId);
  const unit = user ? await deps.storage.units.get(user.unitId) : null;
  if (!unit || unit.parentId !== null) {
    throw new AppError(
      'FORBIDDEN',
      'only an administrator of a top-level unit sets the default calendar',
      {},
    );
  }
}

/** Stores the calendar of `unitId` (null: the installation default). */
export async function putWorkCalendar(
  deps: DutyDeps,
  actor: DutyActor,
  unitId: string | null,
  input: CalendarSettingsInput,
): Promise<WorkCalendarSettings> {
  checkCalendarSettings(input);
  await checkTarget(deps, actor, unitId);
  const now = deps.clock.now();
  return deps.storage.transaction(async (tx) => {
    const stored = await tx.workCalendars.put(
      {
        unitId,
        timeZone: input.timeZone,
        holidays: [...input.holidays],
        workdays: [...input.workdays],
        updatedBy: actor.userId,
      },
      now,
    );
    await tx.audit.append({
      at: now,
      actorUserId: actor.userId,
      unitId,
      action: 'work-calendar.put',
      targetType: 'work-calendar',
      targetId: unitId ?? 'default',
      ip: actor.ip,
      detail: {
        timeZone: stored.timeZone,
        holidays: stored.holidays.length,
        workdays: stored.workdays.length,
      },
    });
    return stored;
  });
}

/** Removes the calendar of `unitId` (it falls back to the one above); NOT_FOUND when it has none. */
export async function removeWorkCalendar(
  deps: DutyDeps,
  actor: DutyActor,
  unitId: string | null,
): Promise<void> {
  await checkTarget(deps, actor, unitId);
  const now = deps.clock.now();
  await deps.storage.transaction(async (tx) => {
    if (!(await tx.workCalendars.remove(unitId))) {
      throw new AppError('NOT_FOUND', `unit ${unitId ?? 'default'} has no calendar of its own`, {
        entity: 'work calendar',
        id: unitId ?? 'default',
      });
    }
    await tx.audit.append({
      at: now,
      actorUserId: actor.userId,
      unitId,
      action: 'work-calendar.remove',
      targetType: 'work-calendar',
      targetId: unitId ?? 'default',
      ip: actor.ip,
      detail: {},
    });
  });
}
