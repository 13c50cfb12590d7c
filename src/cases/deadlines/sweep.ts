/**
 * The deadline sweep: every open case deadline whose reminder time has come gets a reminder notice, every
 * deadline past due an overdue escalation. Each notice is an alert (trigger `case_deadline`) written in ONE
 * transaction with its outbox rows (through `onRaised`, which the composition root points at
 * enqueueDeliveries), the deadline's reminded/escalated mark, a timeline entry on the record and an audit
 * entry — so a notice is sent exactly when it is recorded, and a second sweep finds nothing to send.
 */
import type { Logger } from '../../platform/logger.js';
import type { AlertRecord, CaseDeadline, Storage } from '../../storage/repositories.js';
import type { Repositories } from '../../storage/storage.js';
import { dueNotice } from './decide.js';
import { deadlineNotice, type DeadlineNoticeKind } from './notice.js';

/** What the sweep needs. */
export interface DeadlineSweepDeps {
  storage: Storage;
  /**
   * Runs inside the notice's transaction after the alert is written: writes its deliveries
   * (`enqueueDeliveries(tx, alert, { now })`). Throwing rolls the notice back; the next sweep retries.
   */
  onRaised(tx: Repositories, alert: AlertRecord): Promise<void>;
  /** Called after a sweep committed at least one notice (wakes the dispatcher). */
  onNotified?(): void;
  logger?: Logger;
  /** Deadlines read per round; 100 unless given. */
  batchSize?: number;
  /** The zone of notices for units without any calendar (the installation's TIME_ZONE). */
  fallbackTimeZone?: string;
}

/** What one sweep did. */
export interface DeadlineSweepReport {
  reminders: number;
  escalations: number;
  /** Deadlines whose notice failed (left for the next sweep). */
  failed: number;
  /** The alerts raised, in order. */
  alertIds: string[];
}

const DEFAULT_BATCH = 100;
/** Rounds per kind and sweep, so that a sweep always ends even when rows keep failing. */
const MAX_ROUNDS = 50;

/** Writes one notice; null when another sweep or a completion got there first. */
async function raiseNotice(
  deps: DeadlineSweepDeps,
  deadline: CaseDeadline,
  kind: DeadlineNoticeKind,
  now: number,
): Promise<AlertRecord | null> {
  return deps.storage.transaction(async (tx) => {
    const current = (await tx.caseDeadlines.listFor(deadline.recordType, deadline.recordId)).find(
      (row) => row.id === deadline.id,
    );
    if (!current || dueNotice(current, now) !== kind) return null;
    const claimed =
      kind === 'reminder'
        ? await tx.caseDeadlines.markReminded(current.id, now)
        : await tx.caseDeadlines.markEscalated(current.id, now);
    if (!claimed) return null;
    const unit = await tx.units.get(current.unitId);
    const { calendar } = await tx.workCalendars.effective(current.unitId, deps.fallbackTimeZone);
    const draft = deadlineNotice(current, kind, {
      now,
      timeZone: calendar.timeZone,
      issuer: unit?.name ?? '',
    });
    const alert = await tx.alerts.insert({
      unitId: current.unitId,
      ruleId: null,
      ruleVersion: null,
      trigger: 'case_deadline',
      title: draft.title,
      mergeKey: draft.mergeKey,
      count: 1,
      schemeId: null,
      eventId: null,
      sourceId: null,
      ...draft.notice,
      evidence: draft.evidence,
      status: 'new',
      escalations: 0,
      acknowledgedBy: null,
      acknowledgedAt: null,
      closedBy: null,
      closedAt: null,
      incidentId: current.recordType === 'incident' ? current.recordId : null,
      heldUntil: null,
      notifiedCount: 1,
      lastFiredAt: now,
      createdAt: now,
    });
    const facts = { deadlineId: current.id, kind: current.kind, dueAt: current.dueAt, alertId: alert.id };
    await tx.alerts.appendHistory({
      alertId: alert.id,
      at: now,
      actorUserId: null,
      action: 'raise',
      fromStatus: null,
      toStatus: 'new',
      detail: { level: alert.level, notice: kind, ...facts },
    });
    await deps.onRaised(tx, alert);
    await tx.caseTimeline.append({
      unitId: current.unitId,
      recordType: current.recordType,
      recordId: current.recordId,
      at: now,
      actorUserId: null,
      action: kind === 'reminder' ? 'deadline_reminder' : 'deadline_overdue',
      note: draft.notice.matter,
      details: { ...facts, level: alert.level },
    });
    await tx.audit.append({
      at: now,
      actorUserId: null,
      unitId: current.unitId,
      action: `case-deadline.${kind}`,
      targetType: current.recordType,
      targetId: current.recordId,
      ip: null,
      detail: { ...facts, level: alert.level },
    });
    return alert;
  });
}

/** Sends every notice of one kind that is due at `now`. */
async function sweepKind(
  deps: DeadlineSweepDeps,
  kind: DeadlineNoticeKind,
  now: number,
  report: DeadlineSweepReport,
): Promise<void> {
  const batch = deps.batchSize ?? DEFAULT_BATCH;
  const failed = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // Failed rows are still due: read past them so the others get their turn.
    const limit = batch + failed.size;
    const rows =
      kind === 'reminder'
        ? await deps.storage.caseDeadlines.dueReminders(now, limit)
        : await deps.storage.caseDeadlines.dueEscalations(now, limit);
    const todo = rows.filter((row) => !failed.has(row.id));
    for (const deadline of todo) {
      try {
        const alert = await raiseNotice(deps, deadline, kind, now);
        if (!alert) continue;
        report.alertIds.push(alert.id);
        if (kind === 'reminder') report.reminders += 1;
        else report.escalations += 1;
      } catch (error) {
        failed.add(deadline.id);
        report.failed += 1;
        deps.logger?.error({ err: error, deadlineId: deadline.id, kind }, 'case deadline notice failed');
      }
    }
    if (rows.length < limit || todo.length === 0) return;
  }
}

/** Sends the reminders and overdue escalations due at `now`; safe to run again (nothing is sent twice). */
export async function sweepCaseDeadlines(deps: DeadlineSweepDeps, now: number): Promise<DeadlineSweepReport> {
  const report: DeadlineSweepReport = { reminders: 0, escalations: 0, failed: 0, alertIds: [] };
  await sweepKind(deps, 'overdue', now, report);
  await sweepKind(deps, 'reminder', now, report);
  if (report.alertIds.length > 0) deps.onNotified?.();
  return report;
}
