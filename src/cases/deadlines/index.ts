/** Case deadlines (issue 6 §1): notice decisions and texts, the sweep and its ticker. */
export { dueNotice, type DeadlineMarks } from './decide.js';
export { deadlineLevel, escalationLevel, reminderLevel } from './levels.js';
export {
  DEADLINE_CATEGORY,
  deadlineNotice,
  formatDueTime,
  formatDuration,
  recordLabel,
  type DeadlineFacts,
  type DeadlineNoticeDraft,
  type DeadlineNoticeKind,
} from './notice.js';
export { sweepCaseDeadlines, type DeadlineSweepDeps, type DeadlineSweepReport } from './sweep.js';
export { startCaseDeadlineTicker, type CaseDeadlineTicker, type CaseDeadlineTickerDeps } from './ticker.js';
export { planDeadline, type DeadlineSpan, type DeadlineTimes } from './plan.js';
export { registerCaseDeadline, type CaseDeadlineRegistration } from './register.js';
