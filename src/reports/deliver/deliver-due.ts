/**
 * Sends the report e-mails that are due (issue 7): claims pending deliveries under a lease, attaches the
 * issued report's stored files in the schedule's formats, sends one message per recipient and records the
 * outcome. A failed send is retried with backoff ({@link retryAt}) until the attempts are used up, then the
 * delivery is dead and logged as an error. The report itself is never touched: it stays issued and visible
 * in the console whatever the mail server does.
 */
import type { ReportDelivery, ReportDocument, ReportFormat, StoredReport } from '../../domain/index.js';
import type { Logger } from '../../platform/logger.js';
import type {
  ReportDeliveryRepository,
  ReportRepository,
  ReportScheduleRepository,
} from '../../storage/reports/types.js';
import { retryAt } from './backoff.js';
import type { ReportAttachment, ReportMailer } from './mailer.js';
import { reportMessage } from './message.js';

/** Attachments when a report has no schedule or its schedule names no formats. */
export const DEFAULT_ATTACHMENT_FORMATS: readonly ReportFormat[] = ['docx', 'pdf'];

/** A rendered file, as a renderer returns it. */
export interface RenderedReportFile {
  contentType: string;
  fileName: string;
  bytes: Uint8Array;
}

/** Renders a document to one format (used only for a format the issued report has no stored file of). */
export type ReportFileRenderer = (
  document: ReportDocument,
  format: ReportFormat,
) => Promise<RenderedReportFile>;

/** Tunables of delivery. */
export interface DeliverySettings {
  /** Attempts in all before a delivery is dead (REPORT_DELIVERY_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** How long a claim holds a row; longer than one send with its timeouts. */
  leaseMs: number;
  /** Rows claimed per round. */
  batchSize: number;
}

/** What delivery reads and writes. */
export interface DeliveryDeps {
  storage: {
    reports: Pick<ReportRepository, 'get' | 'file'>;
    reportSchedules: Pick<ReportScheduleRepository, 'get'>;
    reportDeliveries: Pick<ReportDeliveryRepository, 'claimDue' | 'markSent' | 'markFailed'>;
  };
  mailer: ReportMailer;
  logger: Logger;
  render?: ReportFileRenderer;
  delivery: DeliverySettings;
}

/** What one call did. */
export interface DeliveryRound {
  sent: number;
  retried: number;
  dead: number;
}

/** A report ready to mail, or why it cannot be. */
type Prepared =
  { report: StoredReport; attachments: ReportAttachment[] } | { error: string; permanent: boolean };

/** Claims and sends every delivery due at `now`, round after round while full rounds come back. */
export async function deliverDue(deps: DeliveryDeps, now: number): Promise<DeliveryRound> {
  const round: DeliveryRound = { sent: 0, retried: 0, dead: 0 };
  const prepared = new Map<string, Promise<Prepared>>();
  const { leaseMs, batchSize } = deps.delivery;
  for (;;) {
    const claimed = await deps.storage.reportDeliveries.claimDue(now, leaseMs, batchSize);
    for (const delivery of claimed) {
      let ready = prepared.get(delivery.reportId);
      if (!ready) {
        ready = prepare(deps, delivery.reportId).catch((error: unknown) => ({
          error: `could not prepare the report: ${error instanceof Error ? error.message : String(error)}`,
          permanent: false,
        }));
        prepared.set(delivery.reportId, ready);
      }
      round[await deliverOne(deps, delivery, await ready, now)] += 1;
    }
    if (claimed.length < batchSize) return round;
  }
}

async function deliverOne(
  deps: DeliveryDeps,
  delivery: ReportDelivery,
  ready: Prepared,
  now: number,
): Promise<keyof DeliveryRound> {
  if ('error' in ready) return fail(deps, delivery, ready.error, now, ready.permanent);
  try {
    await deps.mailer.send(reportMessage(ready.report, delivery.recipient, ready.attachments));
  } catch (error) {
    return fail(deps, delivery, error instanceof Error ? error.message : String(error), now, false);
  }
  await deps.storage.reportDeliveries.markSent(delivery.id, now);
  deps.logger.info(
    { deliveryId: delivery.id, reportId: delivery.reportId, recipient: delivery.recipient },
    'report e-mail sent',
  );
  return 'sent';
}

/**
 * Records a failed attempt. `claimDue` has already counted the attempt in `delivery.attempts`. A report
 * that cannot be mailed at all (gone, not issued) is dead at once: retrying would not change it.
 */
async function fail(
  deps: DeliveryDeps,
  delivery: ReportDelivery,
  reason: string,
  now: number,
  permanent: boolean,
): Promise<keyof DeliveryRound> {
  const message = reason.slice(0, 500);
  const next = permanent ? null : retryAt(delivery.attempts, now, deps.delivery.maxAttempts);
  await deps.storage.reportDeliveries.markFailed(delivery.id, message, next);
  const detail = {
    deliveryId: delivery.id,
    reportId: delivery.reportId,
    recipient: delivery.recipient,
    attempts: delivery.attempts,
    error: message,
  };
  if (next === null) {
    deps.logger.error(detail, 'report e-mail delivery is dead; the report stays issued in the console');
    return 'dead';
  }
  deps.logger.warn({ ...detail, nextAttemptAt: next }, 'report e-mail failed; will retry');
  return 'retried';
}

async function prepare(deps: DeliveryDeps, reportId: string): Promise<Prepared> {
  const report = await deps.storage.reports.get(reportId);
  if (!report) return { error: `report ${reportId} no longer exists`, permanent: true };
  if (report.status !== 'issued') {
    return { error: `report ${reportId} is ${report.status}, not issued`, permanent: true };
  }
  const formats = await formatsOf(deps, report);
  const attachments: ReportAttachment[] = [];
  for (const format of formats) {
    const file = await fileOf(deps, report, format);
    if (file)
      attachments.push({ filename: file.fileName, content: file.bytes, contentType: file.contentType });
  }
  return { report, attachments };
}

async function formatsOf(deps: DeliveryDeps, report: StoredReport): Promise<readonly ReportFormat[]> {
  if (report.scheduleId === null) return DEFAULT_ATTACHMENT_FORMATS;
  const schedule = await deps.storage.reportSchedules.get(report.scheduleId);
  return schedule && schedule.formats.length > 0 ? schedule.formats : DEFAULT_ATTACHMENT_FORMATS;
}

/** The stored file of the issued report, else one rendered now from its (immutable) issued document. */
async function fileOf(
  deps: DeliveryDeps,
  report: StoredReport,
  format: ReportFormat,
): Promise<RenderedReportFile | null> {
  const stored = await deps.storage.reports.file(report.id, format);
  if (stored) return stored;
  if (!deps.render) {
    deps.logger.warn({ reportId: report.id, format }, 'issued report has no stored file in this format');
    return null;
  }
  return deps.render(report.document, format);
}
