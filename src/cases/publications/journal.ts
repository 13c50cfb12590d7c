/**
 * One change of a case record written twice in the caller's transaction: to the record's timeline (what
 * the console shows) and to the audit log (the security record). Shared by publications and bulletins.
 */
import type { CaseActor, StorageTx } from './deps.js';

/** What changed. */
export interface JournalEntry {
  unitId: string;
  recordType: 'publication' | 'bulletin';
  recordId: string;
  at: number;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
  details?: Record<string, unknown>;
}

/** Appends the timeline entry and the audit entry (`<recordType>.<action>`). */
export async function journal(tx: StorageTx, actor: CaseActor, entry: JournalEntry): Promise<void> {
  const details = entry.details ?? {};
  await tx.caseTimeline.append({
    unitId: entry.unitId,
    recordType: entry.recordType,
    recordId: entry.recordId,
    at: entry.at,
    actorUserId: actor.userId,
    action: entry.action,
    fromState: entry.fromState ?? null,
    toState: entry.toState ?? null,
    note: entry.note ?? null,
    details,
  });
  await tx.audit.append({
    at: entry.at,
    actorUserId: actor.userId,
    unitId: entry.unitId,
    action: `${entry.recordType}.${entry.action}`,
    targetType: entry.recordType,
    targetId: entry.recordId,
    ip: actor.ip,
    detail: {
      ...(entry.fromState != null && { from: entry.fromState }),
      ...(entry.toState != null && { to: entry.toState }),
      ...(entry.note != null && { note: entry.note }),
      ...details,
    },
  });
}
