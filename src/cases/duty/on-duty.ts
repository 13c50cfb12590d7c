/** "Who is on duty now" (当前值班): the roster shifts covering an instant, with the people's names. */
import type { DutyShift } from '../../storage/repositories.js';
import { onDutyAt } from './coverage.js';
import type { DutyActor, DutyDeps } from './deps.js';

/** A shift on duty with the name of the person. */
export interface OnDuty {
  shift: DutyShift;
  displayName: string | null;
}

/** The shifts of units the actor sees (only `unitId` when given) on duty at `at`, by unit then start. */
export async function whoIsOnDuty(
  deps: Pick<DutyDeps, 'storage'>,
  actor: Pick<DutyActor, 'unitIds'>,
  at: number,
  unitId?: string,
): Promise<OnDuty[]> {
  if (unitId !== undefined && actor.unitIds !== null && !actor.unitIds.includes(unitId)) return [];
  const unitIds = unitId === undefined ? actor.unitIds : [unitId];
  const shifts = onDutyAt(await deps.storage.channels.listShifts({ unitIds }, at, at + 1), at).sort((a, b) =>
    a.unitId === b.unitId ? a.startsAt - b.startsAt : a.unitId < b.unitId ? -1 : 1,
  );
  const names = new Map<string, string | null>();
  for (const userId of new Set(shifts.map((shift) => shift.userId))) {
    names.set(userId, (await deps.storage.users.get(userId))?.displayName ?? null);
  }
  return shifts.map((shift) => ({ shift, displayName: names.get(shift.userId) ?? null }));
}
