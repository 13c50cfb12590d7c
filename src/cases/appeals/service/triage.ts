/**
 * Triage (受理): accept an appeal, merge a duplicate into another appeal (keeping the link both ways: the
 * duplicate points at the appeal it joined, which lists its duplicates), or reject it with a reason.
 */
import type { Appeal } from '../../../domain/index.js';
import { AppError } from '../../../platform/errors.js';
import { act } from './act.js';
import type { AppealActor, AppealServiceDeps } from './deps.js';

/** new → accepted. */
export function acceptAppeal(
  deps: AppealServiceDeps,
  actor: AppealActor,
  id: string,
  options: { category?: string | null; note?: string } = {},
): Promise<Appeal> {
  return act(deps, actor, id, 'accept', () => ({
    patch: { ...(options.category !== undefined && { category: options.category }) },
    details: { ...(options.category !== undefined && { category: options.category }) },
    ...(options.note !== undefined && { note: options.note }),
  }));
}

/**
 * Merges the appeal `id` into `intoId` (a duplicate). The target must be another appeal of the same unit
 * that is neither merged nor rejected (APPEAL_MERGE_INVALID otherwise).
 */
export function mergeAppeal(
  deps: AppealServiceDeps,
  actor: AppealActor,
  id: string,
  intoId: string,
  note?: string,
): Promise<Appeal> {
  return act(deps, actor, id, 'merge', async ({ appeal, tx }) => {
    if (intoId === id)
      throw new AppError('APPEAL_MERGE_INVALID', 'an appeal cannot be merged into itself', { id });
    const target = await tx.appeals.get(intoId, { unitIds: actor.unitIds });
    if (!target)
      throw new AppError('NOT_FOUND', `appeal ${intoId} does not exist`, { id: intoId, entity: 'appeal' });
    if (target.unitId !== appeal.unitId || target.state === 'merged' || target.state === 'rejected') {
      throw new AppError('APPEAL_MERGE_INVALID', `appeal ${intoId} cannot take duplicates`, {
        id: intoId,
        state: target.state,
      });
    }
    return {
      patch: { mergedIntoId: intoId },
      details: { intoId },
      ...(note !== undefined && { note }),
    };
  });
}

/** Rejects the appeal (不予受理) with a reason. */
export function rejectAppeal(
  deps: AppealServiceDeps,
  actor: AppealActor,
  id: string,
  reason: string,
): Promise<Appeal> {
  return act(deps, actor, id, 'reject', () => {
    if (reason.trim().length === 0) throw new AppError('BAD_REQUEST', 'a rejection needs a reason', {});
    return { patch: { rejectReason: reason }, details: { reason }, note: reason };
  });
}
