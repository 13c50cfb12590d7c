/** Per-unit report settings over Kysely: one row per unit that saved any; defaults are not stored. */
import type { Kysely } from 'kysely';
import type { ReportSettings } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { isForeignKeyViolation } from '../constraint-errors.js';
import { toJsonText } from '../json-columns.js';
import type { Database } from '../schema.js';
import { toSettings } from './rows.js';
import type { ReportSettingsRepository } from './types.js';

/** Report settings in SQLite or PostgreSQL. */
export class KyselyReportSettingsRepository implements ReportSettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(unitId: string): Promise<ReportSettings | null> {
    const row = await this.db
      .selectFrom('reportSettings')
      .selectAll()
      .where('unitId', '=', unitId)
      .executeTakeFirst();
    return row ? toSettings(row) : null;
  }

  async save(settings: ReportSettings): Promise<ReportSettings> {
    const row = {
      unitId: settings.unitId,
      dailyCutoff: settings.dailyCutoff,
      weekStartsOn: settings.weekStartsOn,
      timeZone: settings.timeZone,
      templates: toJsonText(settings.templates),
      updatedAt: settings.updatedAt,
    };
    const { unitId, ...changes } = row;
    try {
      await this.db
        .insertInto('reportSettings')
        .values(row)
        .onConflict((oc) => oc.column('unitId').doUpdateSet(changes))
        .execute();
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw new AppError('NOT_FOUND', `unit ${unitId} does not exist`, { id: unitId, entity: 'unit' });
    }
    return toSettings(row);
  }
}
