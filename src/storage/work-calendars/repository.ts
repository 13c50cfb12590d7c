/** Working-day calendars over Kysely: one row per unit, `*` for the installation default. */
import type { Kysely, Selectable } from 'kysely';
import type { WorkCalendarSettings } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { parseJsonText, toJsonText } from '../json-columns.js';
import type { Database } from '../schema.js';
import type { WorkCalendarsTable } from './tables.js';
import type { EffectiveWorkCalendar, WorkCalendarInput, WorkCalendarRepository } from './types.js';

/** The unit key of the installation default. */
const DEFAULT_KEY = '*';

/** The zone of the built-in calendar when nothing else is given (DESIGN.md §5: default Asia/Shanghai). */
export const BUILTIN_CALENDAR_ZONE = 'Asia/Shanghai';

const keyOf = (unitId: string | null): string => unitId ?? DEFAULT_KEY;

function dateList(text: string, column: string): string[] {
  const value = parseJsonText(text, column);
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw new AppError('INTERNAL', `column ${column} does not hold a list of dates`);
  }
  return value as string[];
}

function toSettings(row: Selectable<WorkCalendarsTable>): WorkCalendarSettings {
  return {
    unitId: row.unitKey === DEFAULT_KEY ? null : row.unitKey,
    timeZone: row.timeZone,
    holidays: dateList(row.holidays, 'work_calendars.holidays'),
    workdays: dateList(row.workdays, 'work_calendars.workdays'),
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  };
}

const sortedUnique = (dates: readonly string[]): string[] => [...new Set(dates)].sort();

/** Working-day calendars in SQLite or PostgreSQL. */
export class KyselyWorkCalendarRepository implements WorkCalendarRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(unitId: string | null): Promise<WorkCalendarSettings | null> {
    const row = await this.db
      .selectFrom('workCalendars')
      .selectAll()
      .where('unitKey', '=', keyOf(unitId))
      .executeTakeFirst();
    return row ? toSettings(row) : null;
  }

  async put(input: WorkCalendarInput, now: number): Promise<WorkCalendarSettings> {
    const row = {
      unitKey: keyOf(input.unitId),
      timeZone: input.timeZone,
      holidays: toJsonText(sortedUnique(input.holidays)),
      workdays: toJsonText(sortedUnique(input.workdays)),
      updatedBy: input.updatedBy,
      updatedAt: now,
    };
    const { unitKey: _key, ...changes } = row;
    await this.db
      .insertInto('workCalendars')
      .values(row)
      .onConflict((oc) => oc.column('unitKey').doUpdateSet(changes))
      .execute();
    return toSettings(row);
  }

  async remove(unitId: string | null): Promise<boolean> {
    const result = await this.db
      .deleteFrom('workCalendars')
      .where('unitKey', '=', keyOf(unitId))
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async effective(unitId: string, fallbackTimeZone = BUILTIN_CALENDAR_ZONE): Promise<EffectiveWorkCalendar> {
    const unit = await this.db.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirst();
    // The unit itself, then its ancestors nearest first, from the materialised path.
    const chain = unit ? unit.path.split('/').filter(Boolean).reverse() : [unitId];
    const rows = await this.db
      .selectFrom('workCalendars')
      .selectAll()
      .where('unitKey', 'in', [...chain, DEFAULT_KEY])
      .execute();
    const byKey = new Map(rows.map((row) => [row.unitKey, row]));
    for (const [index, key] of [...chain, DEFAULT_KEY].entries()) {
      const row = byKey.get(key);
      if (!row) continue;
      const settings = toSettings(row);
      const origin = key === DEFAULT_KEY ? 'default' : index === 0 ? 'own' : 'ancestor';
      return {
        origin,
        settings,
        calendar: {
          timeZone: settings.timeZone,
          holidays: new Set(settings.holidays),
          workdays: new Set(settings.workdays),
        },
      };
    }
    return {
      origin: 'builtin',
      settings: null,
      calendar: { timeZone: fallbackTimeZone, holidays: new Set(), workdays: new Set() },
    };
  }
}
