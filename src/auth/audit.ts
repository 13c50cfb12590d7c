/**
 * Writing the audit log: who did what to which record, from where. Details never carry secrets
 * (passwords, token or cookie secrets, hashes): callers pass only names and changed field names.
 */
import type { AuditEntry } from '../domain/index.js';
import type { Clock } from '../platform/clock.js';
import type { Storage } from '../storage/repositories.js';

/** Who acts and from where; null actor for anonymous attempts (a failed login) and the CLI. */
export interface AuditActor {
  userId: string | null;
  ip: string | null;
}

/** One thing that happened, as a handler describes it. */
export interface AuditEvent {
  /** `<entity>.<verb>`, e.g. `user.create`, `session.login_failed`. */
  action: string;
  /** The unit the target belongs to (decides who may read the entry). */
  unitId: string | null;
  targetType: string | null;
  targetId: string | null;
  detail?: Record<string, unknown>;
}

/** Appends `event` by `actor` at the clock's now. */
export async function recordAudit(
  storage: Pick<Storage, 'audit'>,
  clock: Clock,
  actor: AuditActor,
  event: AuditEvent,
): Promise<AuditEntry> {
  return storage.audit.append({
    at: clock.now(),
    actorUserId: actor.userId,
    unitId: event.unitId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    ip: actor.ip,
    detail: event.detail ?? {},
  });
}
