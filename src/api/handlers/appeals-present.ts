/** Appeals and their departments as the API shows them (times as ISO 8601, the actions allowed next). */
import type { z } from 'zod';
import { appealMachine } from '../../cases/appeals/index.js';
import type * as c from '../../contract/index.js';
import type { Appeal, AppealDepartment } from '../../domain/index.js';
import type { CaseDeadline, CaseTimelineEntry } from '../../storage/repositories.js';

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/** An appeal at `now` (which decides `overdue`). */
export function presentAppeal(appeal: Appeal, now: number): z.output<typeof c.appeal> {
  return {
    ...appeal,
    receivedAt: iso(appeal.receivedAt),
    dispatchedAt: isoOrNull(appeal.dispatchedAt),
    dueAt: isoOrNull(appeal.dueAt),
    overdue: appeal.state === 'dispatched' && appeal.dueAt !== null && appeal.dueAt <= now,
    repliedAt: isoOrNull(appeal.repliedAt),
    publishedAt: isoOrNull(appeal.publishedAt),
    closedAt: isoOrNull(appeal.closedAt),
    createdAt: iso(appeal.createdAt),
    updatedAt: iso(appeal.updatedAt),
    actions: [...new Set(appealMachine.actionsFrom(appeal.state))],
  };
}

/** A department. */
export function presentAppealDepartment(department: AppealDepartment): z.output<typeof c.appealDepartment> {
  return { ...department, createdAt: iso(department.createdAt), updatedAt: iso(department.updatedAt) };
}

/** A timeline entry. */
export function presentAppealEntry(entry: CaseTimelineEntry): z.output<typeof c.appealTimelineEntry> {
  return {
    at: iso(entry.at),
    actorUserId: entry.actorUserId,
    action: entry.action,
    fromState: entry.fromState,
    toState: entry.toState,
    note: entry.note,
    details: entry.details,
  };
}

/** A deadline. */
export function presentAppealDeadline(deadline: CaseDeadline): z.output<typeof c.appealDeadline> {
  return {
    kind: deadline.kind,
    title: deadline.title,
    dueAt: iso(deadline.dueAt),
    remindAt: isoOrNull(deadline.remindAt),
    remindedAt: isoOrNull(deadline.remindedAt),
    escalatedAt: isoOrNull(deadline.escalatedAt),
    doneAt: isoOrNull(deadline.doneAt),
  };
}
