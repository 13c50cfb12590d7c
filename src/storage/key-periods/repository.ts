/**
 * Key periods (重要时段): time windows in which polling runs faster for some units and sources. The
 * covered unit and source ids are JSON lists; lists are by latest start with a keyset cursor.
 */
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { KeyPeriod } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation } from '../constraint-errors.js';
import { parseJsonText, toJsonText } from '../json-columns.js';
import { beforeTimeId, pageLimit, toPage } from '../paging.js';
import type { KeyPeriodInput, KeyPeriodRepository, Page, PageRequest, Scope } from '../repositories.js';
import type { Database, KeyPeriodsTable } from '../schema.js';
import { whereInScope } from '../scope.js';

type KeyPeriodRow = Selectable<KeyPeriodsTable>;
type KeyPeriodPatch = Partial<Omit<KeyPeriodInput, 'unitId'>>;

function idList(text: string, column: string): string[] {
  const value = parseJsonText(text, column);
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw new AppError('INTERNAL', `column ${column} does not hold a list of ids`);
  }
  return value as string[];
}

function toKeyPeriod(row: KeyPeriodRow): KeyPeriod {
  return {
    ...row,
    unitIds: idList(row.unitIds, 'key_periods.unit_ids'),
    sourceIds: idList(row.sourceIds, 'key_periods.source_ids'),
  };
}

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `key period ${id} does not exist`, { id, entity: 'key_period' });
}

/** Refuses a period that ends before it starts or a multiplier that is not a positive number. */
function checkPeriod(period: { startsAt: number; endsAt: number; multiplier: number }, where: string): void {
  if (!(period.endsAt > period.startsAt)) {
    throw new AppError('BAD_REQUEST', `key period ${where} must end after it starts`, { ...period });
  }
  if (!Number.isFinite(period.multiplier) || period.multiplier <= 0) {
    throw new AppError('BAD_REQUEST', `key period ${where} needs a positive multiplier`, { ...period });
  }
}

function patchColumns(patch: KeyPeriodPatch): Updateable<KeyPeriodsTable> {
  return {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.startsAt !== undefined && { startsAt: patch.startsAt }),
    ...(patch.endsAt !== undefined && { endsAt: patch.endsAt }),
    ...(patch.multiplier !== undefined && { multiplier: patch.multiplier }),
    ...(patch.unitIds !== undefined && { unitIds: toJsonText(patch.unitIds) }),
    ...(patch.sourceIds !== undefined && { sourceIds: toJsonText(patch.sourceIds) }),
  };
}

/** Key periods in SQLite or PostgreSQL through Kysely. */
export class KyselyKeyPeriodRepository implements KeyPeriodRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(input: KeyPeriodInput): Promise<KeyPeriod> {
    checkPeriod(input, `"${input.name}"`);
    const now = this.clock.now();
    const row: KeyPeriodRow = {
      id: newId(now),
      unitId: input.unitId,
      name: input.name,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      multiplier: input.multiplier,
      unitIds: toJsonText(input.unitIds ?? []),
      sourceIds: toJsonText(input.sourceIds ?? []),
      createdAt: now,
    };
    try {
      await this.db.insertInto('keyPeriods').values(row).execute();
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw new AppError('NOT_FOUND', `unit ${input.unitId} does not exist`, {
        id: input.unitId,
        entity: 'unit',
      });
    }
    return toKeyPeriod(row);
  }

  async get(id: string, scope?: Scope): Promise<KeyPeriod | null> {
    const query = this.db.selectFrom('keyPeriods').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toKeyPeriod(row) : null;
  }

  async list(scope: Scope, page: PageRequest): Promise<Page<KeyPeriod>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('keyPeriods')
      .selectAll()
      .orderBy('startsAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (page.cursor) query = query.where(beforeTimeId('startsAt', page.cursor));
    const rows = await whereInScope(query, scope).execute();
    return toPage(rows, limit, (row) => ({ at: row.startsAt, id: row.id }), toKeyPeriod);
  }

  async update(id: string, patch: KeyPeriodPatch): Promise<KeyPeriod> {
    const current = await this.get(id);
    if (!current) throw notFound(id);
    checkPeriod(
      {
        startsAt: patch.startsAt ?? current.startsAt,
        endsAt: patch.endsAt ?? current.endsAt,
        multiplier: patch.multiplier ?? current.multiplier,
      },
      id,
    );
    const columns = patchColumns(patch);
    if (Object.keys(columns).length === 0) return current;
    await this.db.updateTable('keyPeriods').set(columns).where('id', '=', id).execute();
    const updated = await this.get(id);
    if (!updated) throw notFound(id);
    return updated;
  }

  async delete(id: string): Promise<void> {
    const result = await this.db.deleteFrom('keyPeriods').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound(id);
  }

  async activeAt(now: number): Promise<KeyPeriod[]> {
    const rows = await this.db
      .selectFrom('keyPeriods')
      .selectAll()
      .where('endsAt', '>', now)
      .where('startsAt', '<=', now)
      .orderBy('startsAt')
      .orderBy('id')
      .execute();
    return rows.map(toKeyPeriod);
  }
}
