/** What the incident service needs, who acts, and the one place changes are written to timeline and audit. */
import type { Incident } from '../../../domain/index.js';
import type { Clock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/errors.js';
import type { Storage } from '../../../storage/repositories.js';

/** The repositories of one open transaction. */
export type StorageTx = Omit<Storage, 'transaction' | 'close' | 'ping'>;

/** The incident service's dependencies. */
export interface IncidentServiceDeps {
  storage: Storage;
  clock: Clock;
}

/** Who acts, from where, and which units they may touch (null: system jobs, every unit). */
export interface IncidentActor {
  userId: string | null;
  ip: string | null;
  unitIds: readonly string[] | null;
}

/** The record type of incidents in the shared timeline and deadline tables. */
export const INCIDENT_RECORD = 'incident';

/** The incident if it exists within the actor's units; NOT_FOUND otherwise (existence never leaks). */
export async function loadIncident(tx: StorageTx, actor: IncidentActor, id: string): Promise<Incident> {
  const found = await tx.incidents.get(id, { unitIds: actor.unitIds });
  if (!found) throw new AppError('NOT_FOUND', `incident ${id} does not exist`, { id, entity: 'incident' });
  return found;
}

/** One change of an incident as it goes to the timeline and the audit log. */
export interface IncidentChange {
  action: string;
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends the change to the incident's timeline and to the audit log (`incident.<action>`), inside the
 * caller's transaction so that both land with the record change or neither does.
 */
export async function recordChange(
  tx: StorageTx,
  actor: IncidentActor,
  incident: Pick<Incident, 'id' | 'unitId'>,
  at: number,
  change: IncidentChange,
): Promise<void> {
  const details = change.details ?? {};
  await tx.caseTimeline.append({
    unitId: incident.unitId,
    recordType: INCIDENT_RECORD,
    recordId: incident.id,
    at,
    actorUserId: actor.userId,
    action: change.action,
    fromState: change.fromState ?? null,
    toState: change.toState ?? null,
    note: change.note ?? null,
    details,
  });
  await tx.audit.append({
    at,
    actorUserId: actor.userId,
    unitId: incident.unitId,
    action: `incident.${change.action}`,
    targetType: INCIDENT_RECORD,
    targetId: incident.id,
    ip: actor.ip,
    detail: {
      ...(change.fromState != null && { from: change.fromState }),
      ...(change.toState != null && { to: change.toState }),
      ...(change.note != null && { note: change.note }),
      ...details,
    },
  });
}

/**
 * Checks that `userId` names a user of `unitId` or a unit below it (the handler responsible must work
 * there); NOT_FOUND otherwise.
 */
export async function requireHandlerOf(tx: StorageTx, unitId: string, userId: string): Promise<void> {
  const user = await tx.users.get(userId);
  const units = user ? await tx.units.subtreeIds(unitId) : [];
  if (!user || !units.includes(user.unitId)) {
    throw new AppError('NOT_FOUND', `user ${userId} does not work in unit ${unitId}`, {
      id: userId,
      entity: 'user',
      unitId,
    });
  }
}
