/**
 * Stored reports, their review and their schedules (issue 7). A report is generated as a draft (or issued at
 * once by a schedule that says so), sent to a reviewer, edited (only its narrative placeholders), approved
 * and issued; the issued version is numbered (期数) and immutable, and its rendered files are kept byte for
 * byte.
 */
import type { EpochMs } from './entities.js';
import type { ReportData } from './report-data.js';
import type { ReportDocument, ReportTemplate, ReportType } from './report-document.js';

/** Where a report is in its review. */
export const REPORT_STATUSES = ['draft', 'in_review', 'approved', 'issued'] as const;
/** One of {@link REPORT_STATUSES}. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Chinese names of the statuses. */
export const REPORT_STATUS_NAMES: Readonly<Record<ReportStatus, string>> = {
  draft: '草稿',
  in_review: '待审核',
  approved: '已审核',
  issued: '已签发',
};

/** The file formats a report renders to. */
export const REPORT_FORMATS = ['docx', 'pdf', 'md', 'html'] as const;
/** One of {@link REPORT_FORMATS}. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A generated report. */
export interface StoredReport {
  id: string;
  unitId: string;
  type: ReportType;
  periodFrom: EpochMs;
  periodTo: EpochMs;
  /** The event of a special report. */
  eventId: string | null;
  title: string;
  status: ReportStatus;
  /** The issue year and number (期数), set when issued. */
  issueYear: number | null;
  issueNumber: number | null;
  /** The document as it stands (narrative edits applied). */
  document: ReportDocument;
  /** The data the document was built from, as read at generation. */
  snapshot: ReportData;
  /** The schedule that generated it; null when generated on demand. */
  scheduleId: string | null;
  createdBy: string | null;
  reviewerId: string | null;
  reviewNote: string | null;
  approvedBy: string | null;
  approvedAt: EpochMs | null;
  issuedBy: string | null;
  issuedAt: EpochMs | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** A recurring report of one unit. */
export interface ReportSchedule {
  id: string;
  unitId: string;
  type: Exclude<ReportType, 'special'>;
  /** Cron pattern (croner syntax) in `timeZone`; the daily default is `0 17 * * *`. */
  cron: string;
  timeZone: string;
  enabled: boolean;
  /** Issue at once (numbered, delivered) instead of waiting for review. */
  autoIssue: boolean;
  /** Who reviews a draft when `autoIssue` is off. */
  reviewerId: string | null;
  /** E-mail addresses the issued report is sent to. */
  recipients: string[];
  /** Attachments sent. */
  formats: ReportFormat[];
  lastRunAt: EpochMs | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** The states of one e-mail delivery of an issued report. */
export const REPORT_DELIVERY_STATES = ['pending', 'sent', 'dead'] as const;
/** One of {@link REPORT_DELIVERY_STATES}. */
export type ReportDeliveryState = (typeof REPORT_DELIVERY_STATES)[number];

/** One e-mail of an issued report to one recipient, retried until sent or out of attempts. */
export interface ReportDelivery {
  id: string;
  reportId: string;
  recipient: string;
  state: ReportDeliveryState;
  attempts: number;
  nextAttemptAt: EpochMs | null;
  lastError: string | null;
  sentAt: EpochMs | null;
  createdAt: EpochMs;
}

/** How one unit's periods are cut. */
export interface ReportSettings {
  unitId: string;
  /** A daily report covers the day before at this time up to this time on its date ("17:00"). */
  dailyCutoff: string;
  /** First day of a week, 1 = Monday … 7 = Sunday. */
  weekStartsOn: number;
  timeZone: string;
  /** Custom templates by type. */
  templates: Partial<Record<ReportType, ReportTemplate>>;
  updatedAt: EpochMs;
}
