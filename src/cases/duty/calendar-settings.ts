/**
 * Checks of an office calendar before it is stored (pure): a time zone the runtime knows, real calendar
 * dates written `YYYY-MM-DD`, and no date that is both a holiday and a make-up working day. Each refusal
 * is VALIDATION_FAILED naming the field and the offending value, so the console can point at it.
 */
import { isKnownTimeZone } from '../../analysis/time/zone.js';
import { AppError } from '../../platform/errors.js';

/** The most dates one list may hold (decades of holidays). */
export const MAX_CALENDAR_DATES = 2000;

/** The settings as a caller gives them. */
export interface CalendarSettingsInput {
  timeZone: string;
  holidays: readonly string[];
  workdays: readonly string[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real date written `YYYY-MM-DD` (2024-02-29 yes, 2023-02-29 and 2024-2-1 no). */
export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function invalid(field: string, value: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { field, value });
}

/** Throws VALIDATION_FAILED for the first problem of the settings. */
export function checkCalendarSettings(input: CalendarSettingsInput): void {
  if (!isKnownTimeZone(input.timeZone)) {
    throw invalid('timeZone', input.timeZone, `unknown time zone "${input.timeZone}" (use an IANA name)`);
  }
  for (const field of ['holidays', 'workdays'] as const) {
    const dates = input[field];
    if (dates.length > MAX_CALENDAR_DATES) {
      throw invalid(field, String(dates.length), `${field} may list at most ${MAX_CALENDAR_DATES} dates`);
    }
    const bad = dates.find((date) => !isCalendarDate(date));
    if (bad !== undefined) throw invalid(field, bad, `"${bad}" in ${field} is not a date written YYYY-MM-DD`);
  }
  const holidays = new Set(input.holidays);
  const both = input.workdays.find((date) => holidays.has(date));
  if (both !== undefined) {
    throw invalid('workdays', both, `${both} cannot be both a holiday and a make-up working day`);
  }
}
