/**
 * The review workflow of a report (issue 7): submit a draft to a reviewer, edit its narrative, approve or
 * return it, and issue it. Each step checks the life cycle ({@link nextStatus}) before writing, and is
 * recorded in the audit log when an audit sink is given.
 */
import type { StoredReport } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import type { ReportPatch } from '../../storage/repositories.js';
import type { ReportReviewDeps } from './deps.js';
import { applyNarrativeEdit } from './edit.js';
import { issueReport } from './issue.js';
import { assertEditable, nextStatus, type ReviewAction } from './transitions.js';

/** The review steps; every one returns the report as stored after it. `actorId` is null for the system (a schedule). */
export interface ReportReview {
  /** draft → in_review, to `reviewerId`. */
  submit(id: string, input: { reviewerId: string; actorId: string | null }): Promise<StoredReport>;
  /** Changes placeholder texts and the title while draft or in review; VALIDATION_FAILED for an unknown placeholder. */
  edit(
    id: string,
    input: { placeholders?: Record<string, string>; title?: string; actorId: string | null },
  ): Promise<StoredReport>;
  /** in_review → approved. */
  approve(id: string, input: { actorId: string | null; note?: string }): Promise<StoredReport>;
  /** in_review → draft with the reviewer's note (required). */
  returnToDraft(id: string, input: { actorId: string | null; note: string }): Promise<StoredReport>;
  /**
   * approved → issued (or draft → issued with `direct`, for schedules that issue at once): numbered,
   * rendered and stored. `issuePrefix` is the template's prefix of the issue line.
   */
  issue(
    id: string,
    input: { actorId: string | null; direct?: boolean; issuePrefix?: string | null },
  ): Promise<StoredReport>;
}

function required(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new AppError('VALIDATION_FAILED', `${field} is required`, { field });
  return trimmed;
}

/** Builds the review service over its collaborators. */
export function createReportReview(deps: ReportReviewDeps): ReportReview {
  async function load(id: string): Promise<StoredReport> {
    const report = await deps.reports.get(id);
    if (!report) throw new AppError('NOT_FOUND', `report ${id} does not exist`, { id, entity: 'report' });
    return report;
  }

  async function record(
    report: StoredReport,
    action: ReviewAction | 'edit',
    actorId: string | null,
    at: number,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await deps.audit?.({
      at,
      actorUserId: actorId,
      unitId: report.unitId,
      action: `report.${action}`,
      targetType: 'report',
      targetId: report.id,
      ip: null,
      detail,
    });
  }

  async function step(
    id: string,
    action: ReviewAction,
    actorId: string | null,
    patchOf: (at: number) => ReportPatch,
    detail: Record<string, unknown> = {},
  ): Promise<StoredReport> {
    const report = await load(id);
    const status = nextStatus(report.status, action);
    const at = deps.clock.now();
    const updated = await deps.reports.update(id, { ...patchOf(at), status }, at);
    await record(report, action, actorId, at, { from: report.status, to: status, ...detail });
    return updated;
  }

  return {
    async submit(id, { reviewerId, actorId }) {
      const reviewer = required(reviewerId, 'reviewerId');
      return step(id, 'submit', actorId, () => ({ reviewerId: reviewer }), { reviewerId: reviewer });
    },
    approve: async (id, { actorId, note }) =>
      step(
        id,
        'approve',
        actorId,
        (at) => ({ approvedBy: actorId, approvedAt: at, ...(note !== undefined && { reviewNote: note }) }),
        note !== undefined ? { note } : {},
      ),
    async returnToDraft(id, { actorId, note }) {
      const reason = required(note, 'note');
      return step(id, 'return', actorId, () => ({ reviewNote: reason }), { note: reason });
    },
    async edit(id, { placeholders, title, actorId }) {
      const report = await load(id);
      assertEditable(report.status);
      const document = applyNarrativeEdit(report.document, {
        ...(placeholders !== undefined && { placeholders }),
        ...(title !== undefined && { title }),
      });
      const at = deps.clock.now();
      const updated = await deps.reports.update(id, { document, title: document.title }, at);
      await record(report, 'edit', actorId, at, {
        placeholders: Object.keys(placeholders ?? {}),
        ...(title !== undefined && { title: { from: report.title, to: document.title } }),
      });
      return updated;
    },
    async issue(id, { actorId, direct, issuePrefix }) {
      const report = await load(id);
      const to = nextStatus(report.status, 'issue', { direct: direct === true });
      const at = deps.clock.now();
      const issued = await issueReport(deps, report, { actorId, issuePrefix, at });
      await record(report, 'issue', actorId, at, {
        from: report.status,
        to,
        issueYear: issued.issueYear,
        issueNumber: issued.issueNumber,
        direct: direct === true,
      });
      return issued;
    },
  };
}
