/** Working-day calendars for case deadlines (issue 6): pure date arithmetic in the office's time zone. */
export {
  addHours,
  addWorkingDays,
  CALENDAR_DAY_MS,
  isWorkingDay,
  localDateOf,
  nextDate,
  plainCalendar,
  startOfDate,
  workingDaysBetween,
  type WorkCalendar,
} from './working-days.js';
