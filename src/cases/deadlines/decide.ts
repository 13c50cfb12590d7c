/**
 * Which notice a deadline needs now (pure). A reminder goes out once its reminder time has come while the
 * deadline has not passed yet; an overdue escalation once the deadline has passed. A done deadline needs
 * nothing, and neither does one whose notice already went out (the marks make the sweep idempotent: a
 * second run finds nothing to send). When both times passed unseen (the server was down), only the
 * escalation goes out: a reminder for a deadline already missed would only confuse.
 */
import type { DeadlineNoticeKind } from './notice.js';

/** The marks and times of a deadline the decision reads. */
export interface DeadlineMarks {
  dueAt: number;
  remindAt: number | null;
  remindedAt: number | null;
  escalatedAt: number | null;
  doneAt: number | null;
}

/** The notice the deadline needs at `now`, or null. */
export function dueNotice(deadline: DeadlineMarks, now: number): DeadlineNoticeKind | null {
  if (deadline.doneAt !== null) return null;
  if (deadline.dueAt <= now) return deadline.escalatedAt === null ? 'overdue' : null;
  if (deadline.remindAt === null || deadline.remindAt > now) return null;
  return deadline.remindedAt === null ? 'reminder' : null;
}
