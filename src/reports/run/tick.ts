/**
 * The report tick (issue 7), one straight-line orchestrator run every few seconds by the report ticker: for
 * each enabled schedule whose slot is due, claim the slot (one process wins), work out the period the slot
 * reports on, generate and store the report, then either issue it at once and queue its e-mails
 * (auto-issuing schedules) or send it to the schedule's reviewer, whose later issue queues them through
 * {@link onReportIssued}. Then the due e-mails are sent. A failing schedule is logged and the others go on.
 */
import type { ReportDelivery, ReportSchedule, StoredReport } from '../../domain/index.js';
import { deliverDue, type DeliveryRound } from '../deliver/index.js';
import { scheduledPeriod } from '../periods.js';
import { dueSlot } from '../schedule/index.js';
import type { ReportRunDeps } from './deps.js';
import { generateAndStore, reportSettingsOf } from './generate.js';

/** What one tick did. */
export interface ReportTickResult {
  generated: number;
  failed: number;
  delivery: DeliveryRound | null;
}

/** Runs every due schedule, then sends the due e-mails (when a mailer is configured). */
export async function runReportTick(deps: ReportRunDeps, now: number): Promise<ReportTickResult> {
  const result: ReportTickResult = { generated: 0, failed: 0, delivery: null };
  const schedules = await deps.storage.reportSchedules.listEnabled();
  for (const schedule of schedules) {
    try {
      if (await runSchedule(deps, schedule, now)) result.generated += 1;
    } catch (error) {
      result.failed += 1;
      deps.logger.error(
        { err: error, scheduleId: schedule.id, unitId: schedule.unitId, type: schedule.type },
        'scheduled report failed',
      );
    }
  }
  if (deps.mailer) {
    result.delivery = await deliverDue({ ...deps, mailer: deps.mailer }, now);
  }
  return result;
}

/** Runs one schedule's due slot; false when nothing was due or another process claimed it. */
async function runSchedule(deps: ReportRunDeps, schedule: ReportSchedule, now: number): Promise<boolean> {
  const slot = dueSlot(schedule, now, deps.catchUpMs);
  if (slot === null) return false;
  if (!(await deps.storage.reportSchedules.claimRun(schedule.id, slot, schedule.lastRunAt))) return false;
  try {
    await runSlot(deps, schedule, slot, now);
  } catch (error) {
    // The next tick tries the slot again; a report already stored for it is found, not made twice.
    await deps.storage.reportSchedules.releaseRun(schedule.id, slot, schedule.lastRunAt);
    throw error;
  }
  return true;
}

/** Generates the slot's report, then issues and queues it, or sends it for review. */
async function runSlot(
  deps: ReportRunDeps,
  schedule: ReportSchedule,
  slot: number,
  now: number,
): Promise<void> {
  const settings = await reportSettingsOf(deps, schedule.unitId);
  const period = scheduledPeriod(schedule.type, slot, settings);
  const report = await generateAndStore(deps, {
    type: schedule.type,
    unitId: schedule.unitId,
    period,
    scheduleId: schedule.id,
    createdBy: null,
  });
  const log = { scheduleId: schedule.id, reportId: report.id, slotAt: slot, periodFrom: period.from };
  if (schedule.autoIssue) {
    const issued =
      report.status === 'issued'
        ? report
        : await deps.review.issue(report.id, {
            actorId: null,
            direct: true,
            issuePrefix: settings.templates[schedule.type]?.issuePrefix ?? null,
          });
    const queued = await queueDeliveries(deps, schedule, issued, now);
    deps.logger.info({ ...log, issueNumber: issued.issueNumber, recipients: queued.length }, 'report issued');
  } else if (schedule.reviewerId !== null && report.status === 'draft') {
    await deps.review.submit(report.id, { actorId: null, reviewerId: schedule.reviewerId });
    deps.logger.info({ ...log, reviewerId: schedule.reviewerId }, 'report generated for review');
  } else {
    deps.logger.info(log, 'report generated as a draft');
  }
}

/**
 * Queues the e-mails of a report that was just issued, to its schedule's recipients (nothing for a report
 * generated on demand). The API's issue route calls it after a reviewer issues a scheduled report; queuing
 * twice queues nothing new.
 */
export async function onReportIssued(
  deps: Pick<ReportRunDeps, 'storage' | 'clock'>,
  report: StoredReport,
): Promise<ReportDelivery[]> {
  if (report.status !== 'issued' || report.scheduleId === null) return [];
  const schedule = await deps.storage.reportSchedules.get(report.scheduleId);
  if (!schedule) return [];
  return queueDeliveries(deps, schedule, report, deps.clock.now());
}

/** Queues one e-mail per recipient, due at `at` (the tick's `now`, so the same tick sends them). */
async function queueDeliveries(
  deps: Pick<ReportRunDeps, 'storage'>,
  schedule: ReportSchedule,
  report: StoredReport,
  at: number,
): Promise<ReportDelivery[]> {
  if (schedule.recipients.length === 0) return [];
  return deps.storage.reportDeliveries.enqueue(report.id, schedule.recipients, at);
}
