/** What the plan services need, and who acts. */
import type { Clock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/errors.js';
import type { Scope, Storage } from '../../../storage/repositories.js';

/** The plan services' dependencies. */
export interface PlanServiceDeps {
  storage: Storage;
  clock: Clock;
}

/** Who acts on plans and tasks, from where, and which units they may touch (null: system jobs). */
export interface PlanActor {
  userId: string | null;
  ip: string | null;
  unitIds: readonly string[] | null;
}

/** The actor's scope for repository reads. */
export function scopeOf(actor: PlanActor): Scope {
  return { unitIds: actor.unitIds };
}

/** The NOT_FOUND error of a missing (or out-of-scope) record. */
export function notFound(entity: string, id: string): AppError {
  return new AppError('NOT_FOUND', `${entity} ${id} does not exist`, { entity, id });
}

/** NOT_FOUND when `unitId` lies outside the actor's units. */
export function requireUnit(actor: PlanActor, unitId: string): void {
  if (actor.unitIds !== null && !actor.unitIds.includes(unitId)) throw notFound('unit', unitId);
}
