/** The report tables (migration 0016) as Kysely sees them. JSON is text; booleans are 0/1. */

/**
 * `reports` — one generated report. `document` and `snapshot` are JSON text (a document may reach about
 * 1 MB). `issueYear`/`issueNumber` stay null until issued, so the unique issue key ignores drafts.
 */
export interface ReportsTable {
  id: string;
  unitId: string;
  type: string;
  periodFrom: number;
  periodTo: number;
  eventId: string | null;
  title: string;
  status: string;
  issueYear: number | null;
  issueNumber: number | null;
  document: string;
  snapshot: string;
  scheduleId: string | null;
  createdBy: string | null;
  reviewerId: string | null;
  reviewNote: string | null;
  approvedBy: string | null;
  approvedAt: number | null;
  issuedBy: string | null;
  issuedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** `report_files` — the rendered files of an issued report, one per format, bytes as BLOB/bytea. */
export interface ReportFilesTable {
  reportId: string;
  format: string;
  contentType: string;
  fileName: string;
  bytes: Buffer;
  sha256: string;
  createdAt: number;
}

/** `report_schedules` — recurring reports; `recipients` and `formats` are JSON lists. */
export interface ReportSchedulesTable {
  id: string;
  unitId: string;
  type: string;
  cron: string;
  timeZone: string;
  enabled: number;
  autoIssue: number;
  reviewerId: string | null;
  recipients: string;
  formats: string;
  lastRunAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** `report_deliveries` — one e-mail of an issued report to one recipient. */
export interface ReportDeliveriesTable {
  id: string;
  reportId: string;
  recipient: string;
  state: string;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  sentAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** `report_settings` — a unit's period conventions and templates (JSON object by type). */
export interface ReportSettingsTable {
  unitId: string;
  dailyCutoff: string;
  weekStartsOn: number;
  timeZone: string;
  templates: string;
  updatedAt: number;
}
