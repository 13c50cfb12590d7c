/** Report schedules: which slot is due (pure) and the default patterns per report type. */
export {
  DEFAULT_CATCH_UP_MS,
  DEFAULT_REPORT_CRON,
  dueSlot,
  nextSlot,
  validateSchedulePattern,
} from './due.js';
export type { DueInput } from './due.js';
