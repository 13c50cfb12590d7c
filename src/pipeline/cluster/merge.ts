/**
 * Merging one event into another (by the clusterer or by staff): the members move, the merged event
 * points at the one that absorbed it and both histories say so. The absorbing event keeps its id.
 */
import type { Repositories } from '../../storage/index.js';
import { AppError } from '../../platform/errors.js';

/** Who or what merged, for the history. */
export interface MergeOrigin {
  by: 'clusterer' | 'user';
  userId?: string | null;
  similarity?: number;
}

/** Moves the members of `fromId` into `intoId` and records the merge; returns how many items moved. */
export async function mergeStoredEvents(
  tx: Repositories,
  fromId: string,
  intoId: string,
  at: number,
  origin: MergeOrigin,
): Promise<number> {
  if (fromId === intoId)
    throw new AppError('BAD_REQUEST', 'an event cannot be merged into itself', { id: fromId });
  const from = await tx.events.getRecord(fromId);
  const into = await tx.events.getRecord(intoId);
  if (!from)
    throw new AppError('NOT_FOUND', `event ${fromId} does not exist`, { id: fromId, entity: 'event' });
  if (!into)
    throw new AppError('NOT_FOUND', `event ${intoId} does not exist`, { id: intoId, entity: 'event' });
  if (from.unitId !== into.unitId) {
    throw new AppError('BAD_REQUEST', 'events of different units cannot be merged', { fromId, intoId });
  }
  if (from.mergedInto !== null || into.mergedInto !== null) {
    throw new AppError('CONFLICT', 'one of the events was already merged into another', { fromId, intoId });
  }
  const moved = await tx.events.moveMembers(fromId, intoId);
  await tx.events.save({ ...from, mergedInto: intoId, updatedAt: at });
  const detail = { items: moved, ...origin };
  await tx.events.appendHistory([
    { eventId: fromId, kind: 'merged_into', otherEventId: intoId, detail, at },
    { eventId: intoId, kind: 'absorbed', otherEventId: fromId, detail, at },
  ]);
  return moved;
}
