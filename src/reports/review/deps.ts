/** What the review service needs, passed in by the composition root (src/cli). */
import type { AuditEntry, ReportDocument, ReportFormat } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import type { ReportRepository } from '../../storage/repositories.js';

/** A rendered file of one format. */
export interface RenderedFile {
  contentType: string;
  fileName: string;
  bytes: Uint8Array;
}

/** An audit record of a review step, ready for `storage.audit.append`. */
export type ReviewAuditEntry = Omit<AuditEntry, 'id'>;

/** The review service's collaborators. */
export interface ReportReviewDeps {
  reports: ReportRepository;
  clock: Clock;
  /** Records each step (submit, edit, approve, return, issue); nothing is recorded when absent. */
  audit?: (entry: ReviewAuditEntry) => Promise<void>;
  /** Renders a document to one format (the real renderers live in src/reports; tests pass a small one). */
  render: (document: ReportDocument, format: ReportFormat) => Promise<RenderedFile>;
  /** The formats kept with an issued report; docx, pdf and md by default. */
  formats?: ReportFormat[];
  /** The zone whose calendar year numbers issues (期数 restart each year). */
  timeZone: string;
}

/** The formats kept when {@link ReportReviewDeps.formats} is not given. */
export const DEFAULT_ISSUE_FORMATS: readonly ReportFormat[] = ['docx', 'pdf', 'md'];
