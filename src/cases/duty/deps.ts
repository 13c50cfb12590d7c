/** What the duty and calendar services need, and who acts through them. */
import type { Clock } from '../../platform/clock.js';
import type { Storage } from '../../storage/repositories.js';

/** Storage and the clock. */
export interface DutyDeps {
  storage: Storage;
  clock: Clock;
}

/** Who acts, from where, and which units they may touch (null: every unit, system jobs only). */
export interface DutyActor {
  userId: string | null;
  ip: string | null;
  unitIds: readonly string[] | null;
}

/** True when the actor may touch records of `unitId`. */
export function actorSees(actor: DutyActor, unitId: string): boolean {
  return actor.unitIds === null || actor.unitIds.includes(unitId);
}
