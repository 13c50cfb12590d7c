/** What the clue service needs and who acts, plus the helpers its steps share. */
import type { Clue } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { Storage } from '../../storage/repositories.js';

/** What the clue service needs. */
export interface ClueServiceDeps {
  storage: Storage;
  clock: Clock;
}

/** Who acts, from where, and which units they may touch. */
export interface ClueActor {
  userId: string;
  ip: string | null;
  unitIds: readonly string[];
}

/** The repositories of one open transaction. */
export type Tx = Omit<Storage, 'transaction' | 'close' | 'ping'>;

/** NOT_FOUND for a clue that is missing or outside scope. */
export function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `clue ${id} does not exist`, { id, entity: 'clue' });
}

/** The caller's scope. */
export function scopeOf(actor: ClueActor) {
  return { unitIds: actor.unitIds };
}

/** Appends `clue.<action>` by the actor to the audit log. */
export async function audit(
  tx: Tx,
  actor: ClueActor,
  at: number,
  clue: Clue,
  action: string,
  detail: Record<string, unknown>,
) {
  await tx.audit.append({
    at,
    actorUserId: actor.userId,
    unitId: clue.unitId,
    action: `clue.${action}`,
    targetType: 'clue',
    targetId: clue.id,
    ip: actor.ip,
    detail,
  });
}
