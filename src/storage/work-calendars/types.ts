/** Working-day calendars of units (migration 0012). */
import type { WorkCalendarOrigin, WorkCalendarSettings } from '../../domain/index.js';

/**
 * A calendar ready for date arithmetic: the same shape as `WorkCalendar` of src/cases/calendar (storage may
 * not import cases), so an effective calendar goes straight into `addWorkingDays`.
 */
export interface WorkCalendarSets {
  timeZone: string;
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

/** What setting a calendar takes; `unitId` null sets the installation default. */
export type WorkCalendarInput = Pick<
  WorkCalendarSettings,
  'unitId' | 'timeZone' | 'holidays' | 'workdays' | 'updatedBy'
>;

/** The calendar that applies to a unit, with where it comes from. */
export interface EffectiveWorkCalendar {
  calendar: WorkCalendarSets;
  origin: WorkCalendarOrigin;
  /** The stored settings it was built from; null for the built-in calendar. */
  settings: WorkCalendarSettings | null;
}

/**
 * Working-day calendars. A unit without its own calendar uses its nearest ancestor's, then the installation
 * default, then weekends off in the fallback zone. Usable inside a transaction (deadline registration).
 */
export interface WorkCalendarRepository {
  /** The unit's own settings (null: the installation default's); null when none is stored. */
  get(unitId: string | null): Promise<WorkCalendarSettings | null>;
  /** Stores (creates or replaces) the settings; lists are kept sorted and without repeats. */
  put(input: WorkCalendarInput, now: number): Promise<WorkCalendarSettings>;
  /** Removes the unit's own settings (the unit falls back to what is above it); false when none. */
  remove(unitId: string | null): Promise<boolean>;
  /** The calendar that applies to the unit. `fallbackTimeZone` is used only when nothing is stored. */
  effective(unitId: string, fallbackTimeZone?: string): Promise<EffectiveWorkCalendar>;
}
