/**
 * Recording a shift hand-over (交接班记录): the outgoing person hands the duty to the next one with notes
 * and the matters still open. Both people and the roster shift (when named) must be visible to the actor
 * and belong with the unit; the note and its audit entry are written in one transaction.
 */
import type { DutyHandover } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { actorSees, type DutyActor, type DutyDeps } from './deps.js';

/** What a hand-over is recorded from. */
export interface HandoverInput {
  unitId: string;
  shiftId: string | null;
  fromUserId: string;
  toUserId: string;
  /** When it took place; now when absent. */
  handedOverAt?: number;
  notes: string;
  openMatters: readonly string[];
}

const notFound = (entity: string, id: string): AppError =>
  new AppError('NOT_FOUND', `${entity} ${id} does not exist`, { entity, id });

/** Checks the hand-over against what the actor sees; throws NOT_FOUND or VALIDATION_FAILED. */
async function checkHandover(deps: DutyDeps, actor: DutyActor, input: HandoverInput): Promise<void> {
  if (!actorSees(actor, input.unitId)) throw notFound('unit', input.unitId);
  if (input.fromUserId === input.toUserId) {
    throw new AppError('VALIDATION_FAILED', 'a shift is handed over to someone else', {
      field: 'toUserId',
      value: input.toUserId,
    });
  }
  const scope = { unitIds: actor.unitIds };
  for (const userId of [input.fromUserId, input.toUserId]) {
    if (!(await deps.storage.users.get(userId, scope))) throw notFound('user', userId);
  }
  if (input.shiftId === null) return;
  const shift = await deps.storage.channels.getShift(input.shiftId, scope);
  if (!shift) throw notFound('duty shift', input.shiftId);
  if (shift.unitId !== input.unitId) {
    throw new AppError('VALIDATION_FAILED', `duty shift ${shift.id} belongs to another unit`, {
      field: 'shiftId',
      value: shift.id,
    });
  }
}

/** Records the hand-over; returns it as stored. */
export async function recordHandover(
  deps: DutyDeps,
  actor: DutyActor,
  input: HandoverInput,
): Promise<DutyHandover> {
  await checkHandover(deps, actor, input);
  const now = deps.clock.now();
  return deps.storage.transaction(async (tx) => {
    const handover = await tx.dutyNotes.addHandover(
      {
        unitId: input.unitId,
        shiftId: input.shiftId,
        fromUserId: input.fromUserId,
        toUserId: input.toUserId,
        handedOverAt: input.handedOverAt ?? now,
        notes: input.notes,
        openMatters: input.openMatters.map((matter) => matter.trim()).filter((matter) => matter !== ''),
        createdBy: actor.userId,
      },
      now,
    );
    await tx.audit.append({
      at: now,
      actorUserId: actor.userId,
      unitId: input.unitId,
      action: 'duty-handover.create',
      targetType: 'duty-handover',
      targetId: handover.id,
      ip: actor.ip,
      detail: {
        fromUserId: handover.fromUserId,
        toUserId: handover.toUserId,
        openMatters: handover.openMatters.length,
      },
    });
    return handover;
  });
}
