/** `work_calendars` — working-day calendars per unit (migration 0012). Lists are JSON text. */
export interface WorkCalendarsTable {
  /** The unit's id, or `*` for the installation default. */
  unitKey: string;
  timeZone: string;
  holidays: string;
  workdays: string;
  updatedBy: string | null;
  updatedAt: number;
}
