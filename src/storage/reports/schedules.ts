/**
 * Report schedules over Kysely. `claimRun` is a compare-and-set on `last_run_at`: of several processes
 * that saw the same previous run, exactly one moves it to the new slot and generates that slot's report.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ReportSchedule } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation } from '../constraint-errors.js';
import { toJsonText } from '../json-columns.js';
import type { Scope } from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import { toSchedule } from './rows.js';
import type { ReportSchedulesTable } from './tables.js';
import type { NewReportSchedule, ReportScheduleRepository } from './types.js';

type SchedulePatch = Parameters<ReportScheduleRepository['update']>[1];

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `report schedule ${id} does not exist`, { id, entity: 'report_schedule' });
}

/** The columns a patch writes, in their stored form. */
function columnsOf(patch: SchedulePatch): Partial<Selectable<ReportSchedulesTable>> {
  const { enabled, autoIssue, recipients, formats, ...plain } = patch;
  return {
    ...plain,
    ...(enabled !== undefined && { enabled: enabled ? 1 : 0 }),
    ...(autoIssue !== undefined && { autoIssue: autoIssue ? 1 : 0 }),
    ...(recipients !== undefined && { recipients: toJsonText(recipients) }),
    ...(formats !== undefined && { formats: toJsonText(formats) }),
  };
}

/** Report schedules in SQLite or PostgreSQL. */
export class KyselyReportScheduleRepository implements ReportScheduleRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(input: NewReportSchedule): Promise<ReportSchedule> {
    const at = this.clock.now();
    const row: Selectable<ReportSchedulesTable> = {
      id: newId(at),
      unitId: input.unitId,
      type: input.type,
      cron: input.cron,
      timeZone: input.timeZone,
      enabled: input.enabled ? 1 : 0,
      autoIssue: input.autoIssue ? 1 : 0,
      reviewerId: input.reviewerId,
      recipients: toJsonText(input.recipients),
      formats: toJsonText(input.formats),
      lastRunAt: null,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await this.db.insertInto('reportSchedules').values(row).execute();
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw new AppError('NOT_FOUND', `unit ${input.unitId} does not exist`, {
        id: input.unitId,
        entity: 'unit',
      });
    }
    return toSchedule(row);
  }

  async get(id: string, scope?: Scope): Promise<ReportSchedule | null> {
    const query = this.db.selectFrom('reportSchedules').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toSchedule(row) : null;
  }

  async list(scope: Scope): Promise<ReportSchedule[]> {
    const query = this.db.selectFrom('reportSchedules').selectAll().orderBy('createdAt').orderBy('id');
    const rows = await whereInScope(query, scope).execute();
    return rows.map(toSchedule);
  }

  async listEnabled(): Promise<ReportSchedule[]> {
    const rows = await this.db
      .selectFrom('reportSchedules')
      .selectAll()
      .where('enabled', '=', 1)
      .orderBy('id')
      .execute();
    return rows.map(toSchedule);
  }

  async update(id: string, patch: SchedulePatch): Promise<ReportSchedule> {
    await this.db
      .updateTable('reportSchedules')
      .set({ ...columnsOf(patch), updatedAt: this.clock.now() })
      .where('id', '=', id)
      .execute();
    const updated = await this.get(id);
    if (!updated) throw notFound(id);
    return updated;
  }

  async claimRun(id: string, slotAt: number, previousRunAt: number | null): Promise<boolean> {
    const result = await this.db
      .updateTable('reportSchedules')
      .set({ lastRunAt: slotAt, updatedAt: this.clock.now() })
      .where('id', '=', id)
      .where('lastRunAt', previousRunAt === null ? 'is' : '=', previousRunAt)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async releaseRun(id: string, slotAt: number, previousRunAt: number | null): Promise<void> {
    await this.db
      .updateTable('reportSchedules')
      .set({ lastRunAt: previousRunAt, updatedAt: this.clock.now() })
      .where('id', '=', id)
      .where('lastRunAt', '=', slotAt)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('reportSchedules').where('id', '=', id).execute();
  }
}
