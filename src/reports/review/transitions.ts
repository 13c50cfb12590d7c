/**
 * The review life cycle of a report as a pure table: draft → in_review (submit) → approved (approve) →
 * issued (issue); in_review → draft (return, with a note); draft → issued only for a schedule that issues
 * at once (`direct`). Anything else is refused with REPORT_TRANSITION_INVALID naming both statuses, before
 * anything is written. Issued is final.
 */
import type { ReportStatus } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';

/** What a person (or a schedule) does to a report. */
export const REVIEW_ACTIONS = ['submit', 'approve', 'return', 'issue'] as const;
/** One of {@link REVIEW_ACTIONS}. */
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** One allowed move; `direct` rows apply only when the caller says the issue skips review. */
interface ReviewTransition {
  action: ReviewAction;
  from: ReportStatus;
  to: ReportStatus;
  direct?: true;
}

/** Every allowed move. */
export const REVIEW_TRANSITIONS: readonly ReviewTransition[] = [
  { action: 'submit', from: 'draft', to: 'in_review' },
  { action: 'approve', from: 'in_review', to: 'approved' },
  { action: 'return', from: 'in_review', to: 'draft' },
  { action: 'issue', from: 'approved', to: 'issued' },
  { action: 'issue', from: 'draft', to: 'issued', direct: true },
];

/** The status an action leads to (whether or not it is allowed from where the report stands). */
export function targetOf(action: ReviewAction): ReportStatus {
  const row = REVIEW_TRANSITIONS.find((transition) => transition.action === action);
  if (!row) throw new AppError('INTERNAL', `unknown review action ${String(action)}`);
  return row.to;
}

/** Whether a report may move from `from` to `to`; `direct` allows draft → issued. */
export function allowsTransition(from: ReportStatus, to: ReportStatus, direct = false): boolean {
  return REVIEW_TRANSITIONS.some(
    (row) => row.from === from && row.to === to && (row.direct !== true || direct),
  );
}

/**
 * The status after `action` from `from`. Throws REPORT_TRANSITION_INVALID (details: from, to, action) when
 * the move is not allowed.
 */
export function nextStatus(
  from: ReportStatus,
  action: ReviewAction,
  options: { direct?: boolean } = {},
): ReportStatus {
  const to = targetOf(action);
  if (!allowsTransition(from, to, options.direct === true)) {
    throw new AppError('REPORT_TRANSITION_INVALID', `a report cannot go from ${from} to ${to} (${action})`, {
      from,
      to,
      action,
    });
  }
  return to;
}

/** Narrative edits are allowed while the report is a draft or in review, never once approved or issued. */
export function assertEditable(status: ReportStatus): void {
  if (status === 'draft' || status === 'in_review') return;
  throw new AppError('REPORT_TRANSITION_INVALID', `a report that is ${status} cannot be edited`, {
    from: status,
    to: status,
    action: 'edit',
  });
}
