/** Reports, their rendered files, schedules, deliveries and per-unit settings, as storage keeps them (issue 7). */
import type {
  ReportData,
  ReportDelivery,
  ReportDocument,
  ReportFormat,
  ReportSchedule,
  ReportSettings,
  ReportStatus,
  ReportType,
  StoredReport,
  Traced,
} from '../../domain/index.js';
import type { Page, PageRequest, Scope } from '../repositories.js';

/** The fields of a newly generated report (status draft). */
export interface NewReport {
  unitId: string;
  type: ReportType;
  periodFrom: number;
  periodTo: number;
  eventId: string | null;
  title: string;
  document: ReportDocument;
  snapshot: ReportData;
  scheduleId: string | null;
  createdBy: string | null;
  createdAt: number;
}

/** What review changes; `document` only while not issued. */
export type ReportPatch = Partial<
  Pick<
    StoredReport,
    'status' | 'document' | 'title' | 'reviewerId' | 'reviewNote' | 'approvedBy' | 'approvedAt'
  >
>;

/** Filters of a report list; they combine with AND. */
export interface ReportFilter {
  types?: ReportType[];
  statuses?: ReportStatus[];
  /** Period starting at or after. */
  from?: number;
  /** Period starting before. */
  to?: number;
  reviewerId?: string;
}

/** A list row: the report without its document and snapshot. */
export type ReportSummary = Omit<StoredReport, 'document' | 'snapshot'>;

/** A rendered file of an issued report, kept byte for byte. */
export interface ReportFile {
  reportId: string;
  format: ReportFormat;
  contentType: string;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  createdAt: number;
}

/** Reports. */
export interface ReportRepository {
  /** NOT_FOUND for a missing unit. */
  create(input: NewReport): Promise<StoredReport>;
  get(id: string, scope?: Scope): Promise<StoredReport | null>;
  /** Newest period first (keyset by period start and id). */
  list(scope: Scope, filter: ReportFilter, page: PageRequest): Promise<Page<ReportSummary>>;
  /** CONFLICT when the report is issued (issued reports never change); NOT_FOUND when missing. */
  update(id: string, patch: ReportPatch, at: number): Promise<StoredReport>;
  /** The next free issue number (期数) of a unit, type and year: one more than the highest issued. */
  nextIssueNumber(unitId: string, type: ReportType, year: number): Promise<number>;
  /**
   * Issues the report under `number`: stores its final document and files and marks it issued, in one
   * transaction. CONFLICT when already issued, or when another report of the unit, type and year took
   * that number first (the caller takes the next number and tries again).
   */
  issue(
    id: string,
    input: {
      issuedBy: string | null;
      issuedAt: number;
      year: number;
      number: number;
      document: ReportDocument;
      files: Omit<ReportFile, 'reportId'>[];
    },
  ): Promise<StoredReport>;
  /** The stored file of an issued report in one format, if kept. */
  file(reportId: string, format: ReportFormat): Promise<ReportFile | null>;
  /** Formats kept for a report. */
  fileFormats(reportId: string): Promise<ReportFormat[]>;
  /** The report a schedule generated for a period, so that a second run of the same slot finds it. */
  findScheduled(scheduleId: string, periodFrom: number): Promise<StoredReport | null>;
  /** Reports of the units issued in a period (for the work summary), with the query that counted them. */
  countIssued(scope: Scope, from: number, to: number): Promise<Traced<number>>;
}

/** The fields of a new schedule. */
export type NewReportSchedule = Omit<ReportSchedule, 'id' | 'lastRunAt' | 'createdAt' | 'updatedAt'>;

/** Report schedules. */
export interface ReportScheduleRepository {
  create(input: NewReportSchedule): Promise<ReportSchedule>;
  get(id: string, scope?: Scope): Promise<ReportSchedule | null>;
  list(scope: Scope): Promise<ReportSchedule[]>;
  /** Every enabled schedule of every unit (the scheduler's view). */
  listEnabled(): Promise<ReportSchedule[]>;
  update(id: string, patch: Partial<Omit<NewReportSchedule, 'unitId'>>): Promise<ReportSchedule>;
  /** Records a run; returns false when another process recorded this slot first (claim). */
  claimRun(id: string, slotAt: number, previousRunAt: number | null): Promise<boolean>;
  /** Gives a claimed slot back after its run failed, so the next tick tries it again (while it is due). */
  releaseRun(id: string, slotAt: number, previousRunAt: number | null): Promise<void>;
  delete(id: string): Promise<void>;
}

/** E-mail deliveries of issued reports. */
export interface ReportDeliveryRepository {
  /** One pending delivery per recipient; a recipient already queued for the report is skipped. */
  enqueue(reportId: string, recipients: readonly string[], at: number): Promise<ReportDelivery[]>;
  /** Pending deliveries due at `now`, claimed for `leaseMs` so that two processes do not send one twice. */
  claimDue(now: number, leaseMs: number, limit: number): Promise<ReportDelivery[]>;
  markSent(id: string, at: number): Promise<void>;
  /** A failed attempt: retried at `nextAttemptAt`, or dead when that is null. */
  markFailed(id: string, error: string, nextAttemptAt: number | null): Promise<void>;
  listByReport(reportId: string): Promise<ReportDelivery[]>;
}

/** Per-unit period conventions and templates. */
export interface ReportSettingsRepository {
  /** The unit's settings, or null when it never saved any (callers use the defaults). */
  get(unitId: string): Promise<ReportSettings | null>;
  save(settings: ReportSettings): Promise<ReportSettings>;
}
