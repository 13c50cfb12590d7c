/** How reports, schedules and settings look over the API. */
import type { z } from 'zod';
import type * as c from '../../contract/index.js';
import {
  REPORT_STATUS_NAMES,
  REPORT_TYPE_NAMES,
  type ReportDelivery,
  type ReportFormat,
  type ReportSchedule,
  type ReportSettings,
  type StoredReport,
} from '../../domain/index.js';
import { SECTION_KEYS } from '../../reports/build/index.js';
import { nextSlot } from '../../reports/schedule/index.js';
import type { ReportSummary } from '../../storage/repositories.js';

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/** A list row. */
export function presentReportSummary(
  report: ReportSummary,
  issueLabel: string | null = null,
): z.output<typeof c.reportSummary> {
  return {
    id: report.id,
    unitId: report.unitId,
    type: report.type,
    typeName: REPORT_TYPE_NAMES[report.type],
    title: report.title,
    status: report.status,
    statusName: REPORT_STATUS_NAMES[report.status],
    periodFrom: iso(report.periodFrom),
    periodTo: iso(report.periodTo),
    eventId: report.eventId,
    issueLabel:
      issueLabel ??
      (report.issueYear !== null && report.issueNumber !== null
        ? `${report.issueYear}年第${report.issueNumber}期`
        : null),
    issueYear: report.issueYear,
    issueNumber: report.issueNumber,
    scheduleId: report.scheduleId,
    createdBy: report.createdBy,
    reviewerId: report.reviewerId,
    reviewNote: report.reviewNote,
    approvedBy: report.approvedBy,
    approvedAt: isoOrNull(report.approvedAt),
    issuedBy: report.issuedBy,
    issuedAt: isoOrNull(report.issuedAt),
    createdAt: iso(report.createdAt),
    updatedAt: iso(report.updatedAt),
  };
}

/** A report with its document. */
export function presentReportDetail(
  report: StoredReport,
  files: ReportFormat[],
): z.output<typeof c.reportDetail> {
  const { document, snapshot: _snapshot, ...summary } = report;
  return {
    ...presentReportSummary(summary, document.issueLabel),
    document: document as unknown as Record<string, unknown>,
    files,
  };
}

/** A delivery. */
export function presentReportDelivery(delivery: ReportDelivery): z.output<typeof c.reportDelivery> {
  return {
    id: delivery.id,
    recipient: delivery.recipient,
    state: delivery.state,
    attempts: delivery.attempts,
    nextAttemptAt: isoOrNull(delivery.nextAttemptAt),
    lastError: delivery.lastError,
    sentAt: isoOrNull(delivery.sentAt),
    createdAt: iso(delivery.createdAt),
  };
}

/** A schedule with its next slot. */
export function presentReportSchedule(
  schedule: ReportSchedule,
  now: number,
): z.output<typeof c.reportSchedule> {
  return {
    ...schedule,
    lastRunAt: isoOrNull(schedule.lastRunAt),
    nextRunAt: schedule.enabled ? isoOrNull(nextSlot(schedule.cron, schedule.timeZone, now)) : null,
    createdAt: iso(schedule.createdAt),
    updatedAt: iso(schedule.updatedAt),
  };
}

/** A unit's settings with the section keys templates may name. */
export function presentReportSettings(settings: ReportSettings): z.output<typeof c.reportSettings> {
  return {
    unitId: settings.unitId,
    dailyCutoff: settings.dailyCutoff,
    weekStartsOn: settings.weekStartsOn,
    timeZone: settings.timeZone,
    templates: settings.templates,
    sectionKeys: Object.fromEntries(Object.entries(SECTION_KEYS).map(([type, keys]) => [type, [...keys]])),
  };
}
