/** Duty (值班) and the office calendar (issue 6 §8): coverage checks, hand-overs, key-period duty. */
export { checkCalendarSettings, isCalendarDate, type CalendarSettingsInput } from './calendar-settings.js';
export { putWorkCalendar, removeWorkCalendar } from './calendar-service.js';
export {
  dutyGaps,
  hourStart,
  keyPeriodUnits,
  onDutyAt,
  uncoveredHours,
  type TimeSpan,
  type UncoveredHour,
} from './coverage.js';
export type { DutyActor, DutyDeps } from './deps.js';
export { recordHandover, type HandoverInput } from './handover.js';
export {
  keyPeriodDutyReport,
  setKeyPeriodDuty,
  type KeyPeriodDutyReport,
  type UnitDutyCoverage,
} from './key-period-duty.js';
export { whoIsOnDuty, type OnDuty } from './on-duty.js';
