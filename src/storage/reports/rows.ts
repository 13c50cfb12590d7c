/**
 * Turning report rows into domain records. JSON columns are parsed and their outer shape checked, so a
 * damaged row fails loudly (INTERNAL naming the column) instead of handing a wrong type to a renderer.
 */
import type { Selectable } from 'kysely';
import {
  REPORT_DELIVERY_STATES,
  REPORT_FORMATS,
  REPORT_STATUSES,
  REPORT_TYPES,
  type ReportData,
  type ReportDelivery,
  type ReportDeliveryState,
  type ReportDocument,
  type ReportFormat,
  type ReportSchedule,
  type ReportSettings,
  type ReportStatus,
  type ReportType,
  type StoredReport,
} from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { parseJsonObject, parseJsonText } from '../json-columns.js';
import type {
  ReportDeliveriesTable,
  ReportFilesTable,
  ReportSchedulesTable,
  ReportSettingsTable,
  ReportsTable,
} from './tables.js';
import type { ReportFile, ReportSummary } from './types.js';

/** The columns of a list row: everything but the two large JSON columns. */
export const SUMMARY_COLUMNS = [
  'id',
  'unitId',
  'type',
  'periodFrom',
  'periodTo',
  'eventId',
  'title',
  'status',
  'issueYear',
  'issueNumber',
  'scheduleId',
  'createdBy',
  'reviewerId',
  'reviewNote',
  'approvedBy',
  'approvedAt',
  'issuedBy',
  'issuedAt',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof ReportsTable)[];

/** A list row as selected. */
export type SummaryRow = Pick<Selectable<ReportsTable>, (typeof SUMMARY_COLUMNS)[number]>;

function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  if (!(values as readonly string[]).includes(value)) {
    throw new AppError('INTERNAL', `${what} has an unknown value ${value}`);
  }
  return value as T;
}

/** A report type read from a row. */
export function reportTypeOf(value: string): ReportType {
  return oneOf(REPORT_TYPES, value, 'reports.type');
}

/** A file format read from a row. */
export function reportFormatOf(value: string): ReportFormat {
  return oneOf(REPORT_FORMATS, value, 'report format');
}

/** A list row as a summary. */
export function toSummary(row: SummaryRow): ReportSummary {
  return {
    ...row,
    type: reportTypeOf(row.type),
    status: oneOf<ReportStatus>(REPORT_STATUSES, row.status, 'reports.status'),
  };
}

/** A full row as a stored report. */
export function toReport(row: Selectable<ReportsTable>): StoredReport {
  const { document, snapshot, ...rest } = row;
  return {
    ...toSummary(rest),
    // The outer shape is checked; the inside was written by this application from typed values.
    document: parseJsonObject(document, 'reports.document') as unknown as ReportDocument,
    snapshot: parseJsonObject(snapshot, 'reports.snapshot') as unknown as ReportData,
  };
}

/** A stored file row. */
export function toFile(row: Selectable<ReportFilesTable>): ReportFile {
  return {
    reportId: row.reportId,
    format: reportFormatOf(row.format),
    contentType: row.contentType,
    fileName: row.fileName,
    bytes: new Uint8Array(row.bytes),
    sha256: row.sha256,
    createdAt: row.createdAt,
  };
}

/** A JSON text column that must hold a list of strings. */
export function stringList(text: string, column: string): string[] {
  const value = parseJsonText(text, column);
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw new AppError('INTERNAL', `column ${column} does not hold a list of strings`);
  }
  return value as string[];
}

/** A schedule row. */
export function toSchedule(row: Selectable<ReportSchedulesTable>): ReportSchedule {
  const type = reportTypeOf(row.type);
  if (type === 'special') throw new AppError('INTERNAL', `schedule ${row.id} has the type special`);
  return {
    ...row,
    type,
    enabled: row.enabled === 1,
    autoIssue: row.autoIssue === 1,
    recipients: stringList(row.recipients, 'report_schedules.recipients'),
    formats: stringList(row.formats, 'report_schedules.formats').map(reportFormatOf),
  };
}

/** A delivery row. */
export function toDelivery(row: Selectable<ReportDeliveriesTable>): ReportDelivery {
  return {
    id: row.id,
    reportId: row.reportId,
    recipient: row.recipient,
    state: oneOf<ReportDeliveryState>(REPORT_DELIVERY_STATES, row.state, 'report_deliveries.state'),
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    sentAt: row.sentAt,
    createdAt: row.createdAt,
  };
}

/** A settings row. */
export function toSettings(row: Selectable<ReportSettingsTable>): ReportSettings {
  return {
    ...row,
    templates: parseJsonObject(row.templates, 'report_settings.templates') as ReportSettings['templates'],
  };
}
